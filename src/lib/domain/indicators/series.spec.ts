import { describe, expect, it } from 'vitest';
import { mergeImportResults } from './import-result';
import type { Observation } from './observation';
import { groupIntoSeries, listAreas, listBreakdowns, listPeriods, seriesKey } from './series';
import { summariseImport } from './summary';

// Values are SCB's published Folkmängd for riket (BE0101N1, fixture scb-v1-befolkningny-region-alder-en.json).
const riket = { code: '00', name: 'Riket', level: 'riket' } as const;
const observation = (period: string, value: number | null, breakdown: Record<string, string> = {}): Observation => ({
	indicatorId: 'BE0101N1',
	area: riket,
	period,
	breakdown,
	value,
	status: value === null ? 'missing' : 'ok'
});

describe('series', () => {
	it('uses the same key whatever order the breakdown keys were written in', () => {
		expect(seriesKey(observation('2016', 9995153, { kon: 'T', alder: 'tot' }))).toBe(
			seriesKey(observation('2016', 9995153, { alder: 'tot', kon: 'T' }))
		);
	});

	it('groups by area and breakdown and sorts each series by period, keeping gaps', () => {
		const series = groupIntoSeries([
			observation('2018', 10230185),
			observation('2016', 9995153),
			observation('2017', null),
			observation('2016', 9995153, { kon: 'T' })
		]);
		expect(series).toHaveLength(2);
		expect(series[0]!.observations.map((o) => [o.period, o.value])).toEqual([
			['2016', 9995153],
			['2017', null],
			['2018', 10230185]
		]);
	});

	it('keeps the later row when a period repeats within a series', () => {
		const [series] = groupIntoSeries([observation('2019', null), observation('2019', 10327589)]);
		expect(series!.observations.map((o) => o.value)).toEqual([10327589]);
	});

	it('lists periods, areas and breakdown values', () => {
		const rows = [observation('2019', 10327589, { kon: 'T' }), observation('2016', 9995153, { kon: 'K' })];
		expect(listPeriods(rows)).toEqual(['2016', '2019']);
		expect(listAreas(rows)).toEqual([riket]);
		expect(listBreakdowns(rows)).toEqual({ kon: ['T', 'K'] });
	});
});

describe('import summary and merging', () => {
	it('counts series, points and missing values per indicator', () => {
		const result = {
			indicators: [
				{
					id: 'BE0101N1',
					name: 'Population',
					meta: {},
					observations: [observation('2016', 9995153), observation('2017', null)]
				}
			],
			warnings: ['w']
		};
		expect(summariseImport(result)).toEqual({
			indicators: [{ id: 'BE0101N1', name: 'Population', series: 1, points: 2, missing: 1 }],
			warnings: ['w']
		});
	});

	it('merges pages of the same indicator without letting a later page rename it', () => {
		const first = { id: 'A', name: 'First', meta: { namn: 'First' }, observations: [observation('2016', 9995153)] };
		const second = {
			id: 'A',
			name: 'Second',
			meta: { namn: 'Second', unit: 'antal' },
			observations: [observation('2017', 10120242)]
		};
		const merged = mergeImportResults([
			{ indicators: [first], warnings: [] },
			{ indicators: [second], warnings: ['page 2'] }
		]);
		expect(merged.indicators).toHaveLength(1);
		expect(merged.indicators[0]).toMatchObject({ name: 'First', meta: { namn: 'First', unit: 'antal' } });
		expect(merged.indicators[0]!.observations).toHaveLength(2);
		expect(merged.warnings).toEqual(['page 2']);
	});
});
