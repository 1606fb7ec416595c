import { describe, expect, it } from 'vitest';
import { catchImportError, readFixture } from '../../../../tests/fixtures/indicators/test-helpers';
import { mapColumns } from './table-mapping';
import { readXlsxTable } from './xlsx';

describe('XLSX reader', () => {
	it('reads the first sheet into the same table shape as CSV, with numbers as numbers', async () => {
		const table = await readXlsxTable(readFixture('seed003-stadsdelsfakta.xlsx'));
		expect(table.source).toEqual({ format: 'xlsx', sheet: 'Stadsdelsfakta', sheets: ['Stadsdelsfakta'] });
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

	describe('a workbook that opens with a notes sheet', () => {
		const workbook = () => readFixture('seed003-stadsdelsfakta-two-sheets.xlsx');

		it('lands on the sheet of figures by default and names every sheet', async () => {
			const table = await readXlsxTable(workbook());
			expect(table.source).toEqual({ format: 'xlsx', sheet: 'Stadsdelsfakta', sheets: ['Om tabellen', 'Stadsdelsfakta'] });
			expect(table.headers).toEqual(['Stadsdelsområde', 'Indikator', 'Värde', 'Enhet']);
			expect(table.rows).toHaveLength(14);
		});

		it('reads the notes sheet when asked for it, by number or by name', async () => {
			for (const sheet of [1, 'Om tabellen']) {
				const table = await readXlsxTable(workbook(), { sheet });
				expect(table.source).toMatchObject({ sheet: 'Om tabellen' });
				expect(table.headers).toEqual(['Om tabellen']);
				expect(table.rows[2]).toEqual(['Siffrorna finns på bladet Stadsdelsfakta.']);
			}
		});

		it('names the sheets there are when asked for one that is not there', async () => {
			const error = await catchImportError(() => readXlsxTable(workbook(), { sheet: 3 }));
			expect(error).toMatchObject({ code: 'unsupported' });
			expect(error.message).toMatch(/sheets: Om tabellen, Stadsdelsfakta/);
		});
	});
});
