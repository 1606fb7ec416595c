import { describe, expect, it } from 'vitest';
import { groupIntoSeries, type Series } from '$lib/domain/indicators';
import { readImportedObservations } from '../../../tests/fixtures/indicators/read-fixture';
import {
	barsForPeriod,
	comparisonBarsGeometry,
	numberFormatter,
	timeSeriesGeometry,
	toChartSeries,
	type ChartSeries
} from './indicator-chart';

const sv = numberFormatter('sv-SE');
const n15008 = readImportedObservations('n15008');
const labelFor = (s: Series) => s.area.name;

describe('number formatting', () => {
	it('uses the injected Intl formatter, so Swedish gets a decimal comma and grouped thousands', () => {
		expect(sv(87.4)).toBe('87,4');
		expect(sv(105000)).toBe('105\u00a0000');
		expect(numberFormatter('en-GB')(87.4)).toBe('87.4');
	});
});

describe('time-series geometry (Kolada N15008, Kungsbacka against riket)', () => {
	const series = toChartSeries(groupIntoSeries(n15008), { labelFor });

	it.each([320, 1280])('fits every point inside a %i px wide chart', (width) => {
		const chart = timeSeriesGeometry({ series, width, formatValue: sv });
		expect(chart.width).toBe(width);
		for (const point of chart.lines.flatMap((l) => l.points)) {
			expect(point.x).toBeGreaterThanOrEqual(chart.margin.left);
			expect(point.x).toBeLessThanOrEqual(width - chart.margin.right);
			if (point.y !== null) {
				expect(point.y).toBeGreaterThanOrEqual(chart.margin.top);
				expect(point.y).toBeLessThanOrEqual(chart.height - chart.margin.bottom);
			}
		}
		expect(chart.periods).toEqual(['2010', '2011', '2012', '2013', '2014']);
	});

	it('breaks the riket line at the missing 2012 value instead of drawing it at 0', () => {
		const chart = timeSeriesGeometry({ series, width: 640, formatValue: sv });
		const riket = chart.lines.find((l) => l.label === 'Riket')!;
		const kungsbacka = chart.lines.find((l) => l.label === 'Kungsbacka')!;
		expect(riket.isReference).toBe(true);
		expect(kungsbacka.isReference).toBe(false);
		expect(riket.points.find((p) => p.period === '2012')).toMatchObject({ y: null, value: null, status: 'missing', label: null });
		expect(riket.path!.match(/M/g)).toHaveLength(2);
		expect(kungsbacka.path!.match(/M/g)).toHaveLength(1);
		const zeroY = chart.yTicks.find((t) => t.value === 0)!.y;
		expect(riket.points.every((p) => p.y !== zeroY)).toBe(true);
	});

	it('labels the value axis with the injected formatter and starts it at zero', () => {
		const chart = timeSeriesGeometry({ series, width: 640, formatValue: sv });
		expect(chart.yTicks[0]).toMatchObject({ value: 0, label: '0' });
		expect(chart.yTicks.every((t) => /^\d{1,3}(\u00a0\d{3})*$/.test(t.label))).toBe(true);
		expect(chart.lines[0]!.points[0]!.label).toBe('76\u00a0601');
	});

	it('can zoom the value axis to the data when the caller turns off includeZero', () => {
		const chart = timeSeriesGeometry({ series, width: 640, formatValue: sv, includeZero: false });
		expect(chart.yTicks[0]!.value).toBeGreaterThan(0);
	});

	it('thins period labels to what fits at 320 px and always keeps the latest period', () => {
		const years = Array.from({ length: 26 }, (_, i) => String(2000 + i));
		const longSeries: ChartSeries[] = [{ key: 'k', label: 'Kungsbacka', points: years.map((period) => ({ period, value: null })) }];
		const narrow = timeSeriesGeometry({ series: longSeries, width: 320, formatValue: sv });
		const wide = timeSeriesGeometry({ series: longSeries, width: 1280, formatValue: sv });
		expect(narrow.xTicks.length).toBeLessThan(years.length);
		expect(narrow.xTicks.at(-1)!.period).toBe('2025');
		expect(wide.xTicks).toHaveLength(years.length);
		expect(narrow.isEmpty).toBe(true);
		expect(narrow.lines[0]!.path).toBeNull();
	});
});

describe('confidence bands and small groups', () => {
	// Geometry input, not data: round numbers chosen to make the expected shapes obvious.
	const survey: ChartSeries[] = [
		{
			key: 's',
			label: 'Andel',
			points: [
				{ period: '2017-2020', value: 20, ciLower: 18, ciUpper: 22, n: 400 },
				{ period: '2018-2021', value: 21, ciLower: 15, ciUpper: 27, n: 25 },
				{ period: '2019-2022', value: null, status: 'suppressed' },
				{ period: '2020-2023', value: 22 }
			]
		}
	];

	it('draws a band where both limits are given and leaves it open elsewhere', () => {
		const chart = timeSeriesGeometry({ series: survey, width: 640, formatValue: sv });
		const [lineGeometry] = chart.lines;
		expect(lineGeometry!.band).toMatch(/^M/);
		expect(lineGeometry!.points.map((p) => p.ci !== null)).toEqual([true, true, false, false]);
		const second = lineGeometry!.points[1]!;
		expect(second.ci!.y1).toBeGreaterThan(second.y!);
		expect(second.ci!.y2).toBeLessThan(second.y!);
		expect(lineGeometry!.points[2]).toMatchObject({ status: 'suppressed', y: null });
	});

	it('flags values resting on fewer answers than the threshold (30 by default, configurable)', () => {
		expect(timeSeriesGeometry({ series: survey, width: 640, formatValue: sv }).lines[0]!.points.map((p) => p.smallN)).toEqual([
			false,
			true,
			false,
			false
		]);
		expect(
			timeSeriesGeometry({ series: survey, width: 640, formatValue: sv, smallNThreshold: 500 }).lines[0]!.points.map((p) => p.smallN)
		).toEqual([true, true, false, false]);
	});
});

describe('comparison bars', () => {
	it('puts riket first, marks it, and draws a reference line at its value (N15008, 2014)', () => {
		const bars = barsForPeriod(n15008, { period: '2014' });
		const chart = comparisonBarsGeometry({ bars, width: 1280, formatValue: sv, sort: 'descending' });
		expect(chart.categories.map((c) => [c.label, c.isReference])).toEqual([
			['Riket', true],
			['Kungsbacka', false]
		]);
		expect(chart.referenceLines).toHaveLength(1);
		expect(chart.referenceLines[0]!.label).toBe('94\u00a0999,1');
		const riket = chart.bars.find((b) => b.isReference)!;
		expect(riket.x + riket.width).toBeCloseTo(chart.referenceLines[0]!.x);
	});

	it('shows the missing riket value of 2012 as a missing bar of width 0, with no reference line', () => {
		const chart = comparisonBarsGeometry({ bars: barsForPeriod(n15008, { period: '2012' }), width: 640, formatValue: sv });
		const riket = chart.bars.find((b) => b.category === '0000')!;
		expect(riket).toMatchObject({ missing: true, width: 0, value: null, valueLabel: null, status: 'missing' });
		expect(chart.referenceLines).toEqual([]);
	});

	it('moves district names above the bars at 320 px and keeps every bar inside the width', () => {
		const bars = barsForPeriod(readImportedObservations('behorighet'), { period: 'ej angivet' });
		for (const width of [320, 1280]) {
			const chart = comparisonBarsGeometry({ bars, width, formatValue: sv });
			expect(chart.labelPlacement).toBe(width === 320 ? 'above' : 'left');
			for (const bar of chart.bars) {
				expect(bar.x).toBeGreaterThanOrEqual(0);
				expect(bar.x + bar.width).toBeLessThanOrEqual(width - chart.margin.right + 0.001);
			}
			expect(chart.bars.map((b) => b.valueLabel)).toEqual(['87,4', '93,5']);
		}
		const narrow = comparisonBarsGeometry({ bars, width: 320, formatValue: sv });
		const wide = comparisonBarsGeometry({ bars, width: 1280, formatValue: sv });
		expect(narrow.height).toBeGreaterThan(wide.height);
	});

	it('groups bars by kön within an area (Kolada N15428, Tyresö 2023)', () => {
		const tyreso = readImportedObservations('n15428');
		const chart = comparisonBarsGeometry({
			bars: barsForPeriod(tyreso, { period: '2023', groupBy: 'kon', groupLabel: (g) => ({ T: 'Totalt', K: 'Kvinnor' })[g] ?? g }),
			width: 640,
			formatValue: sv
		});
		expect(chart.categories).toHaveLength(1);
		expect(chart.bars.map((b) => [b.group, b.groupLabel, b.valueLabel])).toEqual([
			['T', 'Totalt', '74,1'],
			['K', 'Kvinnor', '77']
		]);
		expect(chart.bars[0]!.y).not.toBe(chart.bars[1]!.y);
		expect(chart.bars[1]!.width).toBeGreaterThan(chart.bars[0]!.width);
	});
});
