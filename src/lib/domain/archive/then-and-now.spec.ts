import { describe, expect, it } from 'vitest';
import type { Observation } from '../indicators/observation';
import { baselineOf, thenAndNow, type IndicatorValues } from './then-and-now';

const obs = (code: string, period: string, value: number | null, breakdown: Record<string, string> = {}): Observation => ({
	indicatorId: 'i1',
	area: { code, name: code === '0192' ? 'Nynäshamn' : 'Riket' },
	period,
	breakdown,
	value,
	status: value === null ? 'missing' : 'ok'
});
const indicator = (observations: Observation[]): IndicatorValues => ({
	id: 'i1',
	meta: { namn: 'Hög frånvaro', unit: 'procent' },
	data: { observations }
});

describe('then and now', () => {
	const then = indicator([
		obs('0192', '2023', 12.5),
		obs('0192', '2024', 14.1),
		obs('0000', '2024', 10.2),
		obs('0000', '2023', 9.8),
		obs('0192', '2024', 7, { kon: 'K' })
	]);

	it('takes each series’ latest period with a value as the baseline', () => {
		expect(baselineOf([then]).map((b) => [b.seriesKey, b.period, b.value])).toEqual([
			['i1|0192', '2024', 14.1],
			['i1|0000', '2024', 10.2],
			['i1|0192|kon=K', '2024', 7]
		]);
		expect(baselineOf([indicator([obs('0192', '2024', null)])])).toEqual([]);
		expect(baselineOf([{ id: 'i2', meta: { namn: 'x' }, data: null }])).toEqual([]);
	});

	it('sets new values of later periods against the baseline, leaving out what has not moved on', () => {
		const baseline = baselineOf([then]);
		const now = indicator([...then.data!.observations, obs('0192', '2025', 11.9), obs('0000', '2025', null)]);
		const result = thenAndNow(baseline, [now]);
		expect(result).toHaveLength(1);
		expect(result[0]).toMatchObject({ indicatorId: 'i1', name: 'Hög frånvaro', unit: 'procent' });
		expect(result[0]!.series).toHaveLength(1);
		expect(result[0]!.series[0]).toMatchObject({ then: { period: '2024', value: 14.1 }, now: { period: '2025', value: 11.9 } });
		expect(result[0]!.series[0]!.change).toBeCloseTo(-2.2);
		expect(thenAndNow(baseline, [then])).toEqual([]);
		expect(thenAndNow([], [now])).toEqual([]);
	});
});
