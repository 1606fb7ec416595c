import { area, line, scaleBand, scaleLinear, scalePoint } from 'd3';
import { isNationalArea } from '$lib/domain/indicators/dimensions';
import type { Observation, ObservationStatus } from '$lib/domain/indicators/observation';
import { comparePeriods } from '$lib/domain/indicators/periods';
import type { Series } from '$lib/domain/indicators/series';

/**
 * Chart geometry for indicators as plain numbers and SVG path strings. d3 does
 * the maths (scales, line and area generators); Svelte owns the DOM. Nothing
 * here touches `document`, so it runs under SSR and in unit tests, and text is
 * measured by an estimate (`charWidth`) instead of the browser.
 *
 * Two rules the charts must never break, because a figure in a dialogue is read
 * at a glance: a missing value is a gap or an explicit "missing" bar, never a
 * 0; and the reference area (riket, or the city) is marked, so a district is
 * always read against something.
 */

/** Formats a number for axis ticks and value labels; inject one built on Intl so Swedish gets a decimal comma. */
export type ValueFormatter = (value: number) => string;

/** A number formatter from Intl: `numberFormatter('sv-SE')(87.4)` → '87,4'. */
export function numberFormatter(locale = 'sv-SE', options: Intl.NumberFormatOptions = { maximumFractionDigits: 1 }): ValueFormatter {
	const format = new Intl.NumberFormat(locale, options);
	return (value) => format.format(value);
}

export const DEFAULT_SMALL_N_THRESHOLD = 30;

export interface ChartMargins {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface ChartPoint {
	period: string;
	value: number | null;
	status?: ObservationStatus;
	ciLower?: number;
	ciUpper?: number;
	n?: number;
}

export interface ChartSeries {
	key: string;
	label: string;
	/** Drawn as the comparison line (riket, the city as a whole). */
	isReference?: boolean;
	points: readonly ChartPoint[];
}

export interface TimeSeriesOptions {
	series: readonly ChartSeries[];
	/** Width of the SVG in px; layouts from 320 px (phone) to 1280 px are supported. */
	width: number;
	/** Defaults to 60 % of the width, kept between 200 and 400 px. */
	height?: number;
	formatValue: ValueFormatter;
	/** Points with fewer respondents than this are flagged `smallN`; default 30. */
	smallNThreshold?: number;
	/** Start the value axis at 0 (default) so differences are not exaggerated. */
	includeZero?: boolean;
	/** Estimated width of one label character in px, for margins and tick thinning; default 7. */
	charWidth?: number;
}

export interface PointGeometry {
	period: string;
	x: number;
	/** null for a missing value: the line has a gap here. */
	y: number | null;
	value: number | null;
	status: ObservationStatus;
	/** True when the value rests on fewer answers than the threshold. */
	smallN: boolean;
	/** Confidence interval as screen y positions, when both limits are given. */
	ci: { y1: number; y2: number } | null;
	/** Formatted value, or null when missing (the UI words that in its language). */
	label: string | null;
}

export interface LineGeometry {
	key: string;
	label: string;
	isReference: boolean;
	/** SVG path with gaps at missing values; null when no point has a value. */
	path: string | null;
	/** SVG path of the confidence band (gaps where limits are missing); null without limits. */
	band: string | null;
	points: PointGeometry[];
}

export interface TimeSeriesGeometry {
	width: number;
	height: number;
	margin: ChartMargins;
	/** Periods in chronological order, all of them, including those without a tick label. */
	periods: string[];
	xTicks: { period: string; x: number; label: string }[];
	yTicks: { value: number; y: number; label: string }[];
	lines: LineGeometry[];
	/** True when no series has a single value; the UI shows "no data" instead of empty axes. */
	isEmpty: boolean;
}

/**
 * Lays out a time-series chart: one line per series (area × breakdown, e.g.
 * kvinnor and män as two lines), gaps where values are missing, a confidence
 * band where limits are given, and small-n flags. Periods are categories on the
 * x axis in chronological order, so rolling windows ('2017-2020') and months
 * sit side by side without pretending to be evenly spaced dates. Tick labels are
 * thinned to what fits the width, always keeping the latest period.
 */
export function timeSeriesGeometry(options: TimeSeriesOptions): TimeSeriesGeometry {
	const { series, width, formatValue } = options;
	const height = options.height ?? clamp(Math.round(width * 0.6), 200, 400);
	const charWidth = options.charWidth ?? 7;
	const threshold = options.smallNThreshold ?? DEFAULT_SMALL_N_THRESHOLD;
	const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort(comparePeriods);

	const margin: ChartMargins = { top: 12, right: width < 480 ? 12 : 24, bottom: 28, left: 0 };
	const plotHeight = Math.max(1, height - margin.top - margin.bottom);
	const y = scaleLinear()
		.domain(
			valueDomain(
				series.flatMap((s) => s.points),
				options.includeZero ?? true
			)
		)
		.range([height - margin.bottom, margin.top]);
	const tickCount = clamp(Math.floor(plotHeight / 40), 2, 8);
	y.nice(tickCount);
	const yValues = y.ticks(tickCount);
	const yLabels = yValues.map(formatValue);
	margin.left = Math.ceil(Math.max(...yLabels.map((l) => l.length), 1) * charWidth) + 10;

	const x = scalePoint<string>()
		.domain(periods)
		.range([margin.left, width - margin.right])
		.padding(0.5);
	const plotWidth = Math.max(1, width - margin.left - margin.right);
	const longestPeriod = Math.max(...periods.map((p) => p.length), 1);
	const maxLabels = Math.max(1, Math.floor(plotWidth / (longestPeriod * charWidth + 12)));
	const step = Math.max(1, Math.ceil(periods.length / maxLabels));

	const lineOf = line<PointGeometry>()
		.defined((p) => p.y !== null)
		.x((p) => p.x)
		.y((p) => p.y!);
	const bandOf = area<PointGeometry>()
		.defined((p) => p.ci !== null)
		.x((p) => p.x)
		.y0((p) => p.ci!.y1)
		.y1((p) => p.ci!.y2);

	const lines = series.map((s): LineGeometry => {
		const points = [...s.points]
			.sort((a, b) => comparePeriods(a.period, b.period))
			.map((p): PointGeometry => {
				const hasValue = p.value !== null && Number.isFinite(p.value);
				const hasCi = hasValue && p.ciLower !== undefined && p.ciUpper !== undefined;
				return {
					period: p.period,
					x: x(p.period)!,
					y: hasValue ? y(p.value!) : null,
					value: hasValue ? p.value : null,
					status: p.status ?? (hasValue ? 'ok' : 'missing'),
					smallN: p.n !== undefined && p.n < threshold,
					ci: hasCi ? { y1: y(p.ciLower!), y2: y(p.ciUpper!) } : null,
					label: hasValue ? formatValue(p.value!) : null
				};
			});
		return {
			key: s.key,
			label: s.label,
			isReference: s.isReference ?? false,
			path: points.some((p) => p.y !== null) ? lineOf(points) : null,
			band: points.some((p) => p.ci !== null) ? bandOf(points) : null,
			points
		};
	});

	return {
		width,
		height,
		margin,
		periods,
		xTicks: periods
			.map((period, i) => ({ period, x: x(period)!, label: period, keep: (periods.length - 1 - i) % step === 0 }))
			.filter((t) => t.keep)
			.map(({ period, x: position, label }) => ({ period, x: position, label })),
		yTicks: yValues.map((value, i) => ({ value, y: y(value), label: yLabels[i]! })),
		lines,
		isEmpty: !lines.some((l) => l.path !== null)
	};
}

export interface BarDatum {
	/** Category on the value axis' cross direction, usually an area code. */
	category: string;
	categoryLabel: string;
	/** Optional sub-bar within a category, e.g. 'K' and 'M' for a breakdown by kön. */
	group?: string;
	groupLabel?: string;
	value: number | null;
	status?: ObservationStatus;
	ciLower?: number;
	ciUpper?: number;
	n?: number;
	isReference?: boolean;
}

export interface BarChartOptions {
	bars: readonly BarDatum[];
	width: number;
	formatValue: ValueFormatter;
	smallNThreshold?: number;
	/** Thickness of one bar in px; default 20 (a comfortable touch target on phones). */
	barThickness?: number;
	/** Order categories by the first group's value; the reference stays first. Default 'none' (input order). */
	sort?: 'none' | 'ascending' | 'descending';
	charWidth?: number;
}

export interface BarGeometry {
	category: string;
	group: string | null;
	groupLabel: string | null;
	x: number;
	y: number;
	width: number;
	height: number;
	value: number | null;
	/** True for a missing or suppressed value: width 0, drawn as a "missing" marker, never as a 0 bar. */
	missing: boolean;
	status: ObservationStatus;
	isReference: boolean;
	smallN: boolean;
	ci: { x1: number; x2: number; y: number } | null;
	valueLabel: string | null;
	/** Where the value (or the UI's "missing" text) goes, and which side of that point it is anchored on. */
	labelX: number;
	labelAnchor: 'start' | 'end';
}

export interface BarChartGeometry {
	width: number;
	height: number;
	margin: ChartMargins;
	/** 'above' on narrow screens: category names get their own line so long district names fit at 320 px. */
	labelPlacement: 'left' | 'above';
	categories: { key: string; label: string; isReference: boolean; y: number; height: number; labelX: number; labelY: number }[];
	bars: BarGeometry[];
	xTicks: { value: number; x: number; label: string }[];
	/** x of the zero line. */
	zeroX: number;
	/** Vertical lines at the reference area's value, one per group, so every bar is read against it. */
	referenceLines: { group: string | null; x: number; value: number; label: string }[];
}

const CATEGORY_LABEL_HEIGHT = 18;
const CATEGORY_GAP = 10;

/**
 * Lays out horizontal comparison bars across areas, optionally grouped (kön),
 * with the reference area marked and drawn as reference lines. Horizontal bars
 * keep long Swedish area names readable; below 480 px the names move above
 * their bars. The height follows from the number of bars, so the chart grows
 * downwards on a phone instead of squeezing.
 */
export function comparisonBarsGeometry(options: BarChartOptions): BarChartGeometry {
	const { bars, width, formatValue } = options;
	const charWidth = options.charWidth ?? 7;
	const threshold = options.smallNThreshold ?? DEFAULT_SMALL_N_THRESHOLD;
	const thickness = options.barThickness ?? 20;
	const labelPlacement: 'left' | 'above' = width < 480 ? 'above' : 'left';

	const categoryKeys = orderCategories(bars, options.sort ?? 'none');
	const groups = [...new Set(bars.map((b) => b.group ?? null))];
	const labelOf = new Map(bars.map((b) => [b.category, b.categoryLabel]));
	const isReference = new Map<string, boolean>();
	for (const b of bars) if (b.isReference) isReference.set(b.category, true);

	const values = bars.flatMap((b) => [b.value, b.ciLower ?? null, b.ciUpper ?? null]).filter(isFiniteNumber);
	const x = scaleLinear().domain([Math.min(0, ...values), Math.max(0, ...values, values.length === 0 ? 1 : 0)]);
	const valueLabels = bars.filter((b) => isFiniteNumber(b.value)).map((b) => formatValue(b.value!));
	const longestName = Math.max(...[...labelOf.values()].map((l) => l.length), 1);
	const margin: ChartMargins = {
		top: 8,
		right: Math.ceil(Math.max(...valueLabels.map((l) => l.length), 4) * charWidth) + 12,
		bottom: 24,
		left: labelPlacement === 'left' ? Math.min(Math.ceil(longestName * charWidth) + 12, Math.round(width * 0.35)) : 8
	};
	const plotWidth = Math.max(1, width - margin.left - margin.right);
	const tickCount = clamp(Math.floor(plotWidth / 80), 2, 8);
	x.range([margin.left, width - margin.right]).nice(tickCount);

	const labelSpace = labelPlacement === 'above' ? CATEGORY_LABEL_HEIGHT : 0;
	const categoryHeight = labelSpace + groups.length * thickness;
	const categories = categoryKeys.map((key, i) => {
		const top = margin.top + i * (categoryHeight + CATEGORY_GAP);
		return {
			key,
			label: labelOf.get(key) ?? key,
			isReference: isReference.get(key) ?? false,
			y: top,
			height: categoryHeight,
			labelX: labelPlacement === 'left' ? margin.left - 8 : margin.left,
			labelY: labelPlacement === 'left' ? top + categoryHeight / 2 : top + CATEGORY_LABEL_HEIGHT - 5
		};
	});
	const height = margin.top + categoryKeys.length * (categoryHeight + CATEGORY_GAP) - CATEGORY_GAP + margin.bottom;
	const inner = scaleBand<string>()
		.domain(groups.map(String))
		.range([0, groups.length * thickness])
		.paddingInner(groups.length > 1 ? 0.1 : 0);
	const zeroX = x(0);

	const geometry = bars.map((b): BarGeometry => {
		const category = categories.find((c) => c.key === b.category)!;
		const top = category.y + labelSpace + inner(String(b.group ?? null))!;
		const barHeight = inner.bandwidth();
		const hasValue = isFiniteNumber(b.value);
		const end = hasValue ? x(b.value!) : zeroX;
		const negative = hasValue && b.value! < 0;
		const hasCi = hasValue && b.ciLower !== undefined && b.ciUpper !== undefined;
		return {
			category: b.category,
			group: b.group ?? null,
			groupLabel: b.groupLabel ?? null,
			x: Math.min(zeroX, end),
			y: top,
			width: Math.abs(end - zeroX),
			height: barHeight,
			value: hasValue ? b.value : null,
			missing: !hasValue,
			status: b.status ?? (hasValue ? 'ok' : 'missing'),
			isReference: b.isReference ?? false,
			smallN: b.n !== undefined && b.n < threshold,
			ci: hasCi ? { x1: x(b.ciLower!), x2: x(b.ciUpper!), y: top + barHeight / 2 } : null,
			valueLabel: hasValue ? formatValue(b.value!) : null,
			labelX: negative ? end - 4 : end + 4,
			labelAnchor: negative ? 'end' : 'start'
		};
	});

	const referenceLines = geometry
		.filter((b) => b.isReference && !b.missing)
		.map((b) => ({ group: b.group, x: x(b.value!), value: b.value!, label: b.valueLabel! }));

	return {
		width,
		height,
		margin,
		labelPlacement,
		categories,
		bars: geometry,
		xTicks: x.ticks(tickCount).map((value) => ({ value, x: x(value), label: formatValue(value) })),
		zeroX,
		referenceLines
	};
}

/**
 * Turns grouped domain series into chart series. The label is injected because
 * it is language-dependent ('Södermalm, kvinnor'); the reference flag marks
 * riket by default ('0000' in Kolada, '00' in SCB and Folkhälsodata).
 */
export function toChartSeries(
	series: readonly Series[],
	{ labelFor, isReferenceArea = isNationalArea }: { labelFor: (series: Series) => string; isReferenceArea?: (code: string) => boolean }
): ChartSeries[] {
	return series.map((s) => ({
		key: s.key,
		label: labelFor(s),
		isReference: isReferenceArea(s.area.code),
		points: s.observations
	}));
}

export interface BarsForPeriodOptions {
	period: string;
	/** Breakdown key to group bars by within an area, e.g. 'kon'. */
	groupBy?: string;
	groupLabel?: (value: string) => string;
	isReferenceArea?: (code: string) => boolean;
}

/**
 * A cross-section of one period as bar data: one bar per area, or per area and
 * group value when `groupBy` is given. Observations of other periods are
 * ignored; the caller picks the breakdown (filter first, e.g. to ålder '13').
 */
export function barsForPeriod(observations: readonly Observation[], options: BarsForPeriodOptions): BarDatum[] {
	const isReferenceArea = options.isReferenceArea ?? isNationalArea;
	return observations
		.filter((o) => o.period === options.period)
		.map((o) => {
			const group = options.groupBy ? o.breakdown[options.groupBy] : undefined;
			return {
				category: o.area.code,
				categoryLabel: o.area.name,
				...(group !== undefined ? { group, groupLabel: options.groupLabel?.(group) ?? group } : {}),
				value: o.value,
				status: o.status,
				...(o.ciLower !== undefined ? { ciLower: o.ciLower } : {}),
				...(o.ciUpper !== undefined ? { ciUpper: o.ciUpper } : {}),
				...(o.n !== undefined ? { n: o.n } : {}),
				isReference: isReferenceArea(o.area.code)
			};
		});
}

function orderCategories(bars: readonly BarDatum[], sort: 'none' | 'ascending' | 'descending'): string[] {
	const keys = [...new Set(bars.map((b) => b.category))];
	const firstGroup = bars[0]?.group ?? null;
	const valueOf = (key: string) => bars.find((b) => b.category === key && (b.group ?? null) === firstGroup)?.value ?? null;
	const sorted =
		sort === 'none'
			? keys
			: [...keys].sort((a, b) => {
					const va = valueOf(a);
					const vb = valueOf(b);
					// Missing values go last whatever the direction: they have no rank.
					if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1;
					return sort === 'ascending' ? va - vb : vb - va;
				});
	const reference = sorted.filter((k) => bars.some((b) => b.category === k && b.isReference));
	return [...reference, ...sorted.filter((k) => !reference.includes(k))];
}

function valueDomain(points: readonly ChartPoint[], includeZero: boolean): [number, number] {
	const values = points.flatMap((p) => [p.value, p.ciLower ?? null, p.ciUpper ?? null]).filter(isFiniteNumber);
	if (values.length === 0) return [0, 1];
	let min = Math.min(...values);
	let max = Math.max(...values);
	if (includeZero) {
		min = Math.min(0, min);
		max = Math.max(0, max);
	}
	if (min === max) return [min - 1, max + 1];
	return [min, max];
}

function isFiniteNumber(value: number | null | undefined): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}
