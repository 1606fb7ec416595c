import type { TFunction } from 'i18next';
import {
	barsForPeriod,
	comparisonBarsGeometry,
	numberFormatter,
	timeSeriesGeometry,
	toChartSeries,
	type ValueFormatter
} from '$lib/charts/indicator-chart';
import type { ArchivedIndicator } from '$lib/domain/archive/schema-indicators';
import {
	SEX_BREAKDOWN_KEY,
	groupIntoSeries,
	hasValue,
	isNationalArea,
	listBreakdowns,
	listPeriods,
	type Observation
} from '$lib/domain/indicators';
import { el, esc } from './markup';

/** Line colours, each at least 3:1 against white; the reference area is always ink and dashed. */
const COLOURS = ['#0b5c6b', '#b3541e', '#6a3d9a', '#1d6b3a', '#a3202b', '#3b5bab', '#7a5c00', '#8c2d7a'];
const REFERENCE = '#14232b';
/** Drawn twice: for a page or print, and for a phone, where a scaled-down wide chart would have unreadable text. */
const WIDE = 640;
const NARROW = 340;
/** A printed chart stays readable with the reference and seven more lines, or thirty bars. */
const MAX_LINES = 8;
const MAX_BARS = 30;

export interface ChartFigure {
	wide: string;
	narrow: string;
	/** What the chart shows, e.g. "Över tid" or "Jämförelse mellan områden, 2023", plus any fixed breakdowns. */
	subtitle: string;
	legend: { label: string; colour: string; dashed: boolean }[];
	/** Set when some series or areas were left out to keep the chart readable. */
	shown: { shown: number; total: number } | null;
}

/**
 * One chart per indicator for the report, chosen like the workshop's default
 * view: over time when there is more than one period, otherwise the areas
 * compared in that period; every breakdown fixed to its total (kön) or first
 * value so no chart mixes groups. Null when there is no value to draw.
 */
export function indicatorChart(indicator: ArchivedIndicator, options: { t: TFunction; lang: 'sv' | 'en' }): ChartFigure | null {
	const observations = indicator.data?.observations ?? [];
	if (!observations.some(hasValue)) return null;
	const { t } = options;
	const format = numberFormatter(options.lang === 'sv' ? 'sv-SE' : 'en-GB');
	const filters = fixedBreakdowns(observations);
	const shown = observations.filter((o) => Object.entries(filters).every(([key, value]) => o.breakdown[key] === value));
	const filterText = Object.entries(filters).map(([key, value]) => breakdownLabel(key, value, t));
	const periods = listPeriods(shown);
	const name = indicator.meta.namn;
	if (periods.length > 1) {
		const all = groupIntoSeries(shown).sort((a, b) => Number(isNationalArea(b.area.code)) - Number(isNationalArea(a.area.code)));
		const series = toChartSeries(all.slice(0, MAX_LINES), { labelFor: (s) => s.area.name });
		let next = 0;
		const colours = series.map((s) => (s.isReference ? REFERENCE : COLOURS[next++ % COLOURS.length]!));
		const subtitle = [t('archive.report.indicators.chartTime'), ...filterText].join(' · ');
		const latest = series.map((s) => {
			const point = [...s.points].reverse().find((p) => p.value !== null);
			return point ? `${s.label} ${point.period}: ${format(point.value!)}` : s.label;
		});
		const label = `${name}. ${subtitle}. ${latest.join('; ')}`;
		return {
			wide: timeSeriesSvg({ series, colours, format, label, width: WIDE }),
			narrow: timeSeriesSvg({ series, colours, format, label, width: NARROW }),
			subtitle,
			legend: series.map((s, i) => ({ label: s.label, colour: colours[i]!, dashed: s.isReference ?? false })),
			shown: all.length > MAX_LINES ? { shown: MAX_LINES, total: all.length } : null
		};
	}
	const period = periods[0]!;
	const all = barsForPeriod(shown, { period });
	const bars = [...all.filter((b) => b.isReference), ...all.filter((b) => !b.isReference)].slice(0, MAX_BARS);
	const subtitle = [t('archive.report.indicators.chartAreas', { period }), ...filterText].join(' · ');
	const values = bars.map((b) => `${b.categoryLabel}: ${b.value === null ? t('archive.report.indicators.missing') : format(b.value)}`);
	const bar = { bars, format, missing: t('archive.report.indicators.missing'), label: `${name}. ${subtitle}. ${values.join('; ')}` };
	return {
		wide: barsSvg({ ...bar, width: WIDE }),
		narrow: barsSvg({ ...bar, width: NARROW }),
		subtitle,
		legend: bars.some((b) => b.isReference)
			? [{ label: t('archive.report.indicators.referenceLine'), colour: REFERENCE, dashed: true }]
			: [],
		shown: all.length > MAX_BARS ? { shown: MAX_BARS, total: all.length } : null
	};
}

function fixedBreakdowns(observations: readonly Observation[]): Record<string, string> {
	const filters: Record<string, string> = {};
	for (const [key, values] of Object.entries(listBreakdowns(observations))) {
		if (values.length < 2) continue;
		filters[key] = key === SEX_BREAKDOWN_KEY && values.includes('T') ? 'T' : values[0]!;
	}
	return filters;
}

function breakdownLabel(key: string, value: string, t: TFunction): string {
	return key === SEX_BREAKDOWN_KEY && ['T', 'K', 'M'].includes(value) ? t(`archive.report.indicators.sex.${value}`) : `${key}: ${value}`;
}

function timeSeriesSvg(options: {
	series: ReturnType<typeof toChartSeries>;
	colours: string[];
	format: ValueFormatter;
	label: string;
	width: number;
}): string {
	const g = timeSeriesGeometry({ series: options.series, width: options.width, formatValue: options.format, charWidth: 7.5 });
	const grid = [
		...g.yTicks.map(
			(tick) =>
				el('line', {
					x1: g.margin.left,
					x2: g.width - g.margin.right,
					y1: tick.y,
					y2: tick.y,
					stroke: tick.value === 0 ? '#40525c' : '#d5dde1'
				}) + el('text', { x: g.margin.left - 6, y: tick.y, dy: '0.32em', 'text-anchor': 'end' }, esc(tick.label))
		),
		...g.xTicks.map((tick) => el('text', { x: tick.x, y: g.height - 8, 'text-anchor': 'middle' }, esc(tick.label)))
	].join('');
	const lines = g.lines
		.map((line, index) => {
			const colour = options.colours[index]!;
			const parts = [
				line.band ? el('path', { d: line.band, fill: colour, opacity: 0.16 }) : '',
				line.path
					? el('path', {
							d: line.path,
							fill: 'none',
							stroke: colour,
							'stroke-width': 2.5,
							'stroke-dasharray': line.isReference ? '7 5' : null
						})
					: '',
				...line.points.map((point) =>
					point.y === null
						? ''
						: el('circle', {
								cx: point.x,
								cy: point.y,
								r: point.smallN ? 4.5 : 3.5,
								fill: point.smallN ? '#ffffff' : colour,
								stroke: colour,
								'stroke-width': 2
							})
				)
			];
			return el('g', {}, parts.join(''));
		})
		.join('');
	return svgRoot(g, options.label, el('g', { 'aria-hidden': 'true' }, grid) + lines);
}

function barsSvg(options: {
	bars: ReturnType<typeof barsForPeriod>;
	format: ValueFormatter;
	missing: string;
	label: string;
	width: number;
}): string {
	const g = comparisonBarsGeometry({ bars: options.bars, width: options.width, formatValue: options.format, charWidth: 7.5 });
	const bottom = g.height - g.margin.bottom;
	const parts = [
		...g.xTicks.map(
			(tick) =>
				el('line', { x1: tick.x, x2: tick.x, y1: g.margin.top, y2: bottom, stroke: tick.value === 0 ? '#40525c' : '#d5dde1' }) +
				el('text', { x: tick.x, y: g.height - 6, 'text-anchor': 'middle' }, esc(tick.label))
		),
		...g.categories.map((c) =>
			el('text', { x: c.labelX, y: c.labelY, dy: '0.32em', 'text-anchor': 'end', 'font-weight': c.isReference ? 700 : null }, esc(c.label))
		),
		...g.bars.map((bar) =>
			bar.missing
				? el('text', { x: bar.labelX, y: bar.y + bar.height / 2, dy: '0.32em', fill: '#40525c' }, esc(`– (${options.missing})`))
				: el('rect', { x: bar.x, y: bar.y, width: bar.width, height: bar.height, fill: bar.isReference ? REFERENCE : COLOURS[0] }) +
					el('text', { x: bar.labelX, y: bar.y + bar.height / 2, dy: '0.32em', 'text-anchor': bar.labelAnchor }, esc(bar.valueLabel ?? ''))
		),
		...g.referenceLines.map((line) =>
			el('line', {
				x1: line.x,
				x2: line.x,
				y1: g.margin.top,
				y2: bottom,
				stroke: REFERENCE,
				'stroke-width': 1.5,
				'stroke-dasharray': '5 4'
			})
		)
	];
	return svgRoot(g, options.label, parts.join(''));
}

/** The root element; CSS shows the wide or the narrow drawing depending on the screen. */
function svgRoot(size: { width: number; height: number }, label: string, children: string): string {
	const height = Math.round(size.height);
	return el(
		'svg',
		{
			xmlns: 'http://www.w3.org/2000/svg',
			class: `chart ${size.width === WIDE ? 'chart-wide' : 'chart-narrow'}`,
			viewBox: `0 0 ${size.width} ${height}`,
			width: size.width,
			height,
			role: 'img',
			'aria-label': label,
			'font-size': 13,
			fill: '#14232b'
		},
		children
	);
}
