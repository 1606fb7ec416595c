import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../tests/fixtures/indicators/test-helpers';
import { readCsvTable } from './csv';
import type { Table } from './table';
import { mapColumns, suggestColumnMapping } from './table-mapping';

describe('Suggesting a column mapping from header names', () => {
	it('finds area and period by name and takes the only numeric column as the value, named after its header', () => {
		const table = readCsvTable(readFixture('seed003-medelinkomst-latin1.csv'));
		const suggestion = suggestColumnMapping(table);
		expect(suggestion).toEqual({
			ok: true,
			mapping: { area: 'Stadsdelsområde', period: 'År', value: 'Medelinkomst (kr)' }
		});
		const result = mapColumns(table, suggestion.ok ? suggestion.mapping : { area: '', period: '', value: '' });
		expect(result.indicators[0]).toMatchObject({ id: 'medelinkomst-kr', name: 'Medelinkomst (kr)' });
		expect(result.indicators[0]!.observations.map((o) => [o.area.name, o.period, o.periodEndYear, o.value])).toEqual([
			['Enskede-Årsta-Vantör', '2023', 2023, 411900],
			['Södermalm', '2023', 2023, 496900]
		]);
	});

	it('reads the seed 003 table with the mapping the UI builds from that suggestion plus a typed period', () => {
		// The mapping mappingFromDraft gives in components/indicators/mapping-draft.spec.ts.
		const mapping = {
			area: 'Stadsdelsområde',
			period: { fixed: 'ej angivet' },
			value: 'Värde',
			decimal: 'auto' as const,
			indicator: { column: 'Indikator' },
			unit: 'Enhet'
		};
		const result = mapColumns(readCsvTable(readFixture('seed003-stadsdelsfakta.csv')), mapping, { idPrefix: 'upload' });
		expect(result.indicators).toHaveLength(7);
		expect(result.indicators.find((i) => i.name === 'Behörighet till gymnasieskolan')?.observations.map((o) => o.value)).toEqual([
			87.4, 93.5
		]);
	});

	it('reports which roles are missing when the table has no period column', () => {
		const suggestion = suggestColumnMapping(readCsvTable(readFixture('seed003-stadsdelsfakta.csv')));
		expect(suggestion).toEqual({
			ok: false,
			missing: ['period'],
			partial: { area: 'Stadsdelsområde', value: 'Värde', indicator: { column: 'Indikator' }, unit: 'Enhet' }
		});
	});

	it('recognises English headers, a kön column, confidence limits and the number of answers', () => {
		const table: Table = {
			headers: ['Region code', 'Region', 'Year', 'Sex', 'Share', 'CI lower', 'CI upper', 'n'],
			rows: [],
			source: { format: 'csv', encoding: 'utf-8', delimiter: ',' }
		};
		expect(suggestColumnMapping(table)).toEqual({
			ok: true,
			mapping: {
				area: 'Region',
				areaCode: 'Region code',
				period: 'Year',
				value: 'Share',
				ciLower: 'CI lower',
				ciUpper: 'CI upper',
				n: 'n',
				breakdown: { kon: 'Sex' }
			}
		});
	});
});

describe('Mapping breakdowns, area codes and confidence intervals', () => {
	it('normalises a kön column to T/K/M and reads the area level from an area code column', () => {
		const table: Table = {
			headers: ['Kommunkod', 'Kommun', 'År', 'Kön', 'Andel'],
			rows: [
				['0180', 'Stockholm', '2023', 'Flickor', '..'],
				['0180', 'Stockholm', '2023', 'Pojkar', '–']
			],
			source: { format: 'csv', encoding: 'utf-8', delimiter: ';' }
		};
		const suggestion = suggestColumnMapping(table);
		if (!suggestion.ok) throw new Error('expected a complete suggestion');
		const [indicator] = mapColumns(table, suggestion.mapping).indicators;
		expect(indicator!.observations.map((o) => [o.area, o.breakdown, o.value, o.status])).toEqual([
			[{ code: '0180', name: 'Stockholm', level: 'kommun' }, { kon: 'K' }, null, 'missing'],
			[{ code: '0180', name: 'Stockholm', level: 'kommun' }, { kon: 'M' }, null, 'missing']
		]);
	});
});
