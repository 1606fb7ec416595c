import { max, scaleBand, scaleLinear, stack } from 'd3';

/**
 * Chart geometry for the organisers' programme as plain numbers: d3 does the maths
 * (scales, stacking), Svelte owns the DOM, as in indicator-chart.ts. Every chart on the
 * programme page is also shown as a table, so the geometry carries no text a reader
 * would miss.
 */

export interface BarItem {
	key: string;
	label: string;
	value: number;
}

export interface BarGeometryRow extends BarItem {
	y: number;
	height: number;
	width: number;
	/** Where the value's label starts: after the bar. */
	valueX: number;
}

export interface BarChartGeometry {
	width: number;
	height: number;
	/** Where the bars start; the labels sit to the left of it. */
	x0: number;
	rows: BarGeometryRow[];
}

/** Horizontal bars, one per item in the order given, labels on the left. */
export function horizontalBars(
	items: readonly BarItem[],
	options: { width: number; rowHeight?: number; labelWidth?: number }
): BarChartGeometry {
	const rowHeight = options.rowHeight ?? 28;
	const x0 = options.labelWidth ?? Math.min(180, Math.round(options.width * 0.4));
	const valueRoom = 36;
	const height = Math.max(rowHeight, items.length * rowHeight);
	const y = scaleBand<string>()
		.domain(items.map((item) => item.key))
		.range([0, height])
		.padding(0.2);
	const x = scaleLinear()
		.domain([0, Math.max(1, max(items, (item) => item.value) ?? 0)])
		.range([0, Math.max(10, options.width - x0 - valueRoom)]);
	return {
		width: options.width,
		height,
		x0,
		rows: items.map((item) => {
			const width = x(item.value);
			return { ...item, y: y(item.key) ?? 0, height: y.bandwidth(), width, valueX: x0 + width + 4 };
		})
	};
}

export interface StackSegment {
	key: string;
	x: number;
	y: number;
	width: number;
	height: number;
	value: number;
}

export interface StackedColumnsGeometry {
	width: number;
	height: number;
	/** Height of the plot above the month labels. */
	plotHeight: number;
	columns: { label: string; x: number; width: number; total: number; segments: StackSegment[] }[];
	/** Gridline values on the count axis, with their y. */
	ticks: { value: number; y: number }[];
}

/**
 * Stacked columns: one per label (months, in the order given), one segment per key in
 * `keys` order from the bottom up.
 */
export function stackedColumns<K extends string>(
	data: readonly { label: string; counts: Record<K, number> }[],
	keys: readonly K[],
	options: { width: number; height: number; left?: number; bottom?: number }
): StackedColumnsGeometry {
	const left = options.left ?? 28;
	const bottom = options.bottom ?? 24;
	const plotHeight = options.height - bottom;
	const rows = data.map((datum) => ({ label: datum.label, ...datum.counts }) as { label: string } & Record<K, number>);
	const series = stack<{ label: string } & Record<K, number>, K>().keys(keys)(rows);
	const totals = data.map((datum) => keys.reduce((sum, key) => sum + (datum.counts[key] ?? 0), 0));
	const x = scaleBand<string>()
		.domain(data.map((datum) => datum.label))
		// At most a sixth of the width per column, so one month is not one wide slab.
		.range([left, Math.min(options.width, left + Math.max(1, data.length) * (options.width / 6))])
		.padding(0.25);
	const y = scaleLinear()
		.domain([0, Math.max(1, max(totals) ?? 0)])
		.nice()
		.range([plotHeight, 0]);
	return {
		width: options.width,
		height: options.height,
		plotHeight,
		columns: data.map((datum, index) => ({
			label: datum.label,
			x: x(datum.label) ?? left,
			width: x.bandwidth(),
			total: totals[index] ?? 0,
			segments: series.flatMap((layer) => {
				const [from, to] = layer[index]!;
				return to - from > 0
					? [{ key: layer.key, x: x(datum.label) ?? left, y: y(to), width: x.bandwidth(), height: y(from) - y(to), value: to - from }]
					: [];
			})
		})),
		ticks: y
			.ticks(Math.min(4, Math.max(1, max(totals) ?? 1)))
			.filter(Number.isInteger)
			.map((value) => ({ value, y: y(value) }))
	};
}
