import { describe, expect, it } from 'vitest';
import { catchImportError, readFixture } from '../../../../tests/fixtures/indicators/test-helpers';
import { detectDelimiter, readCsvTable } from './csv';
import { previewTable } from './table';
import { mapColumns } from './table-mapping';

describe('CSV reader', () => {
	it('reads a UTF-8 file with BOM and semicolons: the BOM does not end up in the first header', () => {
		const table = readCsvTable(readFixture('seed003-stadsdelsfakta.csv'));
		expect(table.source).toEqual({ format: 'csv', encoding: 'utf-8-bom', delimiter: ';' });
		expect(table.headers).toEqual(['Stadsdelsområde', 'Indikator', 'Värde', 'Enhet']);
		expect(table.rows).toHaveLength(14);
		expect(table.rows[2]).toEqual(['Enskede-Årsta-Vantör', 'Behörighet till gymnasieskolan', '87,4', 'procent']);
	});

	it('decodes a Windows-1252 (Latin-1) file so that å, ä and ö survive', () => {
		const table = readCsvTable(readFixture('seed003-medelinkomst-latin1.csv'));
		expect(table.source).toEqual({ format: 'csv', encoding: 'windows-1252', delimiter: ',' });
		expect(table.headers).toEqual(['Stadsdelsområde', 'År', 'Medelinkomst (kr)']);
		expect(table.rows.map((r) => r[0])).toEqual(['Enskede-Årsta-Vantör', 'Södermalm']);
	});

	it('previews the first rows with the total count, before anything is mapped', () => {
		const preview = previewTable(readCsvTable(readFixture('seed003-stadsdelsfakta.csv')), 3);
		expect(preview.rows).toHaveLength(3);
		expect(preview.totalRows).toBe(14);
		expect(preview.headers[0]).toBe('Stadsdelsområde');
	});

	it('detects the delimiter from the header line, ignoring commas inside quotes', () => {
		expect(detectDelimiter('"Andel, %";Område;År\n1;2;3')).toBe(';');
		expect(detectDelimiter('Område,År,Värde\n')).toBe(',');
		expect(detectDelimiter('Område\tÅr\tVärde\n')).toBe('\t');
	});

	it('refuses an empty file and a header without rows as empty', async () => {
		expect(await catchImportError(() => readCsvTable(new Uint8Array()))).toMatchObject({ code: 'empty' });
		expect(await catchImportError(() => readCsvTable('\n\n'))).toMatchObject({ code: 'empty' });
		const error = await catchImportError(() => readCsvTable('\ufeffStadsdelsområde;Indikator;Värde;Enhet\r\n'));
		expect(error).toMatchObject({ code: 'empty', message: 'The CSV file has a header row but no data rows.' });
	});
});

describe('Mapping CSV columns to observations', () => {
	const table = readCsvTable(readFixture('seed003-stadsdelsfakta.csv'));
	const result = mapColumns(table, {
		indicator: { column: 'Indikator' },
		area: 'Stadsdelsområde',
		period: { fixed: 'ej angivet' },
		value: 'Värde',
		unit: 'Enhet'
	});

	it('makes one indicator per Indikator value, each with both districts', () => {
		expect(result.indicators.map((i) => [i.name, i.unit, i.observations.length])).toEqual([
			['Invånare', 'antal', 2],
			['Bostäder', 'antal', 2],
			['Behörighet till gymnasieskolan', 'procent', 2],
			['Eftergymnasial utbildning', 'procent', 2],
			['Utländsk bakgrund', 'procent', 2],
			['Medelinkomst 2023', 'kr', 2],
			['Befolkning med ekonomiskt bistånd', 'procent', 2]
		]);
	});

	it('parses decimal commas and space-grouped thousands as written in the seed', () => {
		const value = (name: string, area: string) =>
			result.indicators.find((i) => i.name === name)!.observations.find((o) => o.area.name === area)!.value;
		expect(value('Behörighet till gymnasieskolan', 'Enskede-Årsta-Vantör')).toBe(87.4);
		expect(value('Befolkning med ekonomiskt bistånd', 'Södermalm')).toBe(0.6);
		expect(value('Invånare', 'Södermalm')).toBe(130000);
		expect(value('Medelinkomst 2023', 'Enskede-Årsta-Vantör')).toBe(411900);
	});

	it('keeps "..", "–" and empty value cells as missing, and unreadable text as missing with a warning', () => {
		const rows = table.rows.map((row, i) => (i < 4 ? [row[0]!, row[1]!, ['..', '–', '', 'uppgift?'][i]!, row[3]!] : row));
		const changed = mapColumns(
			{ ...table, rows },
			{ indicator: { column: 'Indikator' }, area: 'Stadsdelsområde', period: { fixed: 'ej angivet' }, value: 'Värde' }
		);
		const all = changed.indicators.flatMap((i) => i.observations);
		expect(all.filter((o) => o.value === null)).toHaveLength(4);
		expect(all.filter((o) => o.value === null).every((o) => o.status === 'missing')).toBe(true);
		expect(all.some((o) => o.value === 0)).toBe(false);
		expect(changed.warnings).toEqual(['Values that are not numbers were kept as missing: line 5 "uppgift?".']);
	});

	it('skips rows without a period, with a warning that names the lines', () => {
		const latin = readCsvTable(readFixture('seed003-medelinkomst-latin1.csv'));
		const rows = [latin.rows[0]!, [latin.rows[1]![0]!, '', latin.rows[1]![2]!]];
		const changed = mapColumns({ ...latin, rows }, { area: 'Stadsdelsområde', period: 'År', value: 'Medelinkomst (kr)' });
		expect(changed.indicators[0]!.observations).toHaveLength(1);
		expect(changed.warnings).toEqual(['Rows without a period were skipped (line 3).']);
	});

	it('refuses a mapping that names a column the table does not have', async () => {
		const error = await catchImportError(() => mapColumns(table, { area: 'Kommun', period: { fixed: '2023' }, value: 'Värde' }));
		expect(error.code).toBe('malformed');
		expect(error.message).toMatch(/names the column "Kommun", which the table does not have/);
	});
});
