import { describe, expect, it } from 'vitest';
import { horizontalBars, stackedColumns } from './programme-charts';

describe('programme charts', () => {
	it('draws one bar per item, the longest for the largest value', () => {
		const chart = horizontalBars(
			[
				{ key: 'a', label: 'A', value: 2 },
				{ key: 'b', label: 'B', value: 4 },
				{ key: 'c', label: 'C', value: 0 }
			],
			{ width: 400, labelWidth: 100 }
		);
		expect(chart.rows.map((row) => row.key)).toEqual(['a', 'b', 'c']);
		expect(chart.rows[1]!.width).toBeCloseTo(400 - 100 - 36);
		expect(chart.rows[0]!.width).toBeCloseTo(chart.rows[1]!.width / 2);
		expect(chart.rows[2]!.width).toBe(0);
		expect(chart.rows[0]!.y).toBeLessThan(chart.rows[1]!.y);
	});

	it('stacks statuses per month from the bottom up, leaving out empty segments', () => {
		const chart = stackedColumns(
			[
				{ label: '2027-01', counts: { done: 2, open: 1 } },
				{ label: '2027-02', counts: { done: 0, open: 3 } }
			],
			['done', 'open'] as const,
			{ width: 300, height: 200 }
		);
		expect(chart.columns.map((c) => c.total)).toEqual([3, 3]);
		const [jan, feb] = chart.columns;
		expect(jan!.segments.map((s) => s.key)).toEqual(['done', 'open']);
		expect(jan!.segments[0]!.y).toBeGreaterThan(jan!.segments[1]!.y);
		expect(jan!.segments[0]!.y + jan!.segments[0]!.height).toBeCloseTo(chart.plotHeight);
		expect(feb!.segments.map((s) => [s.key, s.value])).toEqual([['open', 3]]);
	});
});
