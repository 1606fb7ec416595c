import { describe, expect, it } from 'vitest';
import { catchImportError, readFixture } from '../../../../tests/fixtures/indicators/test-helpers';
import { mapColumns } from './table-mapping';
import { readXlsxTable } from './xlsx';

describe('XLSX reader', () => {
	it('reads the first sheet into the same table shape as CSV, with numbers as numbers', async () => {
		const table = await readXlsxTable(readFixture('seed003-stadsdelsfakta.xlsx'));
		expect(table.source).toEqual({ format: 'xlsx', sheet: 'Stadsdelsfakta' });
		expect(table.headers).toEqual(['Stadsdelsområde', 'Indikator', 'Värde', 'Enhet']);
		expect(table.rows).toHaveLength(14);
		expect(table.rows[2]).toEqual(['Enskede-Årsta-Vantör', 'Behörighet till gymnasieskolan', 87.4, 'procent']);
		expect(table.rows[13]).toEqual(['Södermalm', 'Befolkning med ekonomiskt bistånd', 0.6, 'procent']);
	});

	it('gives the same observations as the CSV of the same seed rows once mapped', async () => {
		const table = await readXlsxTable(readFixture('seed003-stadsdelsfakta.xlsx'), { sheet: 'Stadsdelsfakta' });
		const result = mapColumns(table, {
			indicator: { column: 'Indikator' },
			area: 'Stadsdelsområde',
			period: { fixed: 'ej angivet' },
			value: 'Värde',
			unit: 'Enhet'
		});
		expect(result.indicators).toHaveLength(7);
		const benefit = result.indicators.find((i) => i.name === 'Befolkning med ekonomiskt bistånd')!;
		expect(benefit.observations.map((o) => [o.area.name, o.value])).toEqual([
			['Enskede-Årsta-Vantör', 2.1],
			['Södermalm', 0.6]
		]);
	});

	it('refuses bytes that are not a workbook, and a sheet that does not exist', async () => {
		expect(await catchImportError(() => readXlsxTable(readFixture('seed003-stadsdelsfakta.csv')))).toMatchObject({
			code: 'malformed'
		});
		const error = await catchImportError(() => readXlsxTable(readFixture('seed003-stadsdelsfakta.xlsx'), { sheet: 'Blad2' }));
		expect(error).toMatchObject({ code: 'unsupported' });
		expect(error.message).toMatch(/sheets: Stadsdelsfakta/);
	});
});
