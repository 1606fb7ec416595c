import { line, scaleLinear, scalePoint } from 'd3';
import { SEX_BREAKDOWN_KEY, comparePeriods, groupIntoSeries, type Observation, type Series } from '$lib/domain/indicators';
import { isReferenceArea } from './chart-view';

/**
 * A sparkline for a system-map factor: the shape of one series over time, small
 * enough to sit on a factor card. Missing values break the line (never drawn as
 * 0), like the full chart.
 */
export interface SparklineGeometry {
	width: number;
	height: number;
	/** null when no point has a value. */
	path: string | null;
	/** The latest point with a value, marked with a dot and named in the accessible label. */
	last: { x: number; y: number; value: number; period: string } | null;
	first: { value: number; period: string } | null;
	/** Periods without a value. */
	gaps: number;
}

/**
 * The series a factor shows when it is given a whole indicator: the first area
 * that is not riket (the figure the dialogue is about), as a total ('T' or no
 * kön breakdown); riket when nothing else is there.
 */
export function pickSparklineSeries(observations: readonly Observation[]): Series | null {
	const all = groupIntoSeries(observations);
	const total = all.filter((s) => (s.breakdown[SEX_BREAKDOWN_KEY] ?? 'T') === 'T');
	const candidates = total.length > 0 ? total : all;
	return candidates.find((s) => !isReferenceArea(s.area)) ?? candidates[0] ?? null;
}

export function sparklineGeometry(
	observations: readonly Pick<Observation, 'period' | 'value'>[],
	size: { width: number; height: number }
): SparklineGeometry {
	const pad = 3;
	const points = [...observations].sort((a, b) => comparePeriods(a.period, b.period));
	const values = points.map((p) => p.value).filter((v): v is number => v !== null && Number.isFinite(v));
	const x = scalePoint<string>()
		.domain(points.map((p) => p.period))
		.range([pad, size.width - pad]);
	const min = Math.min(...values);
	const max = Math.max(...values);
	const y = scaleLinear()
		.domain(min === max ? [min - 1, max + 1] : [min, max])
		.range([size.height - pad, pad]);
	const placed = points.map((p) => ({
		period: p.period,
		value: p.value !== null && Number.isFinite(p.value) ? p.value : null,
		x: x(p.period) ?? size.width / 2
	}));
	const path = line<(typeof placed)[number]>()
		.defined((p) => p.value !== null)
		.x((p) => p.x)
		.y((p) => y(p.value!));
	const withValue = placed.filter((p) => p.value !== null);
	const last = withValue.at(-1);
	const first = withValue[0];
	return {
		width: size.width,
		height: size.height,
		path: withValue.length > 0 ? path(placed) : null,
		last: last ? { x: last.x, y: y(last.value!), value: last.value!, period: last.period } : null,
		first: first ? { value: first.value!, period: first.period } : null,
		gaps: placed.length - withValue.length
	};
}
