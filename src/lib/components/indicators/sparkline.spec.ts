import { describe, expect, it } from 'vitest';
import { readImportedObservations } from '../../../../tests/fixtures/indicators/read-fixture';
import { pickSparklineSeries, sparklineGeometry } from './sparkline';

const n15008 = readImportedObservations('n15008');

describe('sparkline', () => {
	it('shows the municipality rather than riket', () => {
		expect(pickSparklineSeries(n15008)?.area.name).toBe('Kungsbacka');
		expect(pickSparklineSeries(n15008.filter((o) => o.area.code === '0000'))?.area.name).toBe('Riket');
		expect(pickSparklineSeries([])).toBeNull();
	});

	it('stays inside its box and marks the latest value', () => {
		const series = pickSparklineSeries(n15008)!;
		const geometry = sparklineGeometry(series.observations, { width: 96, height: 28 });
		expect(geometry.last).toMatchObject({ period: '2014', value: 86100.813953 });
		expect(geometry.first).toMatchObject({ period: '2010' });
		for (const [, x, y] of geometry.path!.matchAll(/([\d.]+),([\d.]+)/g)) {
			expect(Number(x)).toBeLessThanOrEqual(96);
			expect(Number(y)).toBeLessThanOrEqual(28);
		}
	});

	it('breaks the line at a missing value instead of drawing 0', () => {
		const riket = n15008.filter((o) => o.area.code === '0000');
		const geometry = sparklineGeometry(riket, { width: 96, height: 28 });
		expect(geometry.gaps).toBe(1);
		expect(geometry.path!.match(/M/g)).toHaveLength(2);
		expect(sparklineGeometry([{ period: '2020', value: null }], { width: 96, height: 28 })).toMatchObject({ path: null, last: null });
	});
});
