import { describe, expect, it } from 'vitest';
import { readJsonFixture } from '../../../../tests/fixtures/indicators/read-fixture';
import { DEFAULT_PERIODS, defaultSelection, missingChoices, pxwebV1Query, type PxWebV1Table } from './pxweb-selection';

const table = readJsonFixture('scb-v1-befolkningny-metadata.json') as unknown as PxWebV1Table;

describe('choosing values in a PxWeb v1 table', () => {
	it("starts from the newest ten years, the first content and the table's own total for everything else", () => {
		const selection = defaultSelection(table.variables);
		expect(selection.Tid).toHaveLength(DEFAULT_PERIODS);
		expect(selection.Tid).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
		expect(selection.ContentsCode).toEqual(['BE0101N1']);
		for (const code of ['Region', 'Civilstand', 'Alder', 'Kon']) expect(selection[code], code).toEqual([]);
		expect(missingChoices(table.variables, selection)).toEqual([]);
	});

	it('builds the query in the table order, leaving out what was not chosen', () => {
		const query = pxwebV1Query(table.variables, {
			Region: ['0138', '0180', 'not-a-code'],
			Civilstand: [],
			Kon: ['2', '1'],
			ContentsCode: ['BE0101N1'],
			Tid: ['2024', '2023']
		});
		expect(query).toEqual({
			query: [
				{ code: 'Region', selection: { filter: 'item', values: ['0138', '0180'] } },
				{ code: 'Kon', selection: { filter: 'item', values: ['1', '2'] } },
				{ code: 'ContentsCode', selection: { filter: 'item', values: ['BE0101N1'] } },
				{ code: 'Tid', selection: { filter: 'item', values: ['2023', '2024'] } }
			],
			response: { format: 'json-stat2' }
		});
	});

	it('names the variables PxWeb cannot sum away when nothing is chosen for them', () => {
		const missing = missingChoices(table.variables, { Region: [], ContentsCode: [], Tid: ['2024'] });
		expect(missing.map((variable) => variable.text)).toEqual(['tabellinnehåll']);
	});
});
