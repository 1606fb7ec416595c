import {
	SEX_BREAKDOWN_KEY,
	hasValue,
	isNationalArea,
	listAreas,
	listBreakdowns,
	listPeriods,
	type Area,
	type Observation
} from '$lib/domain/indicators';
import type { ReadingPoint } from '$lib/sync/indicators';

/**
 * Which slice of an indicator a chart shows. An indicator can hold several
 * areas, periods and breakdowns (kön, ålder, …); one chart shows one reading of
 * it: a time series per area, a comparison of areas in one period against
 * riket, or kvinnor and män side by side. Every other breakdown is fixed to one
 * value, so a chart never mixes, say, 13-year-olds with 15-year-olds.
 */
export type ChartKind = 'time' | 'areas' | 'kon';

export interface Facets {
	periods: string[];
	areas: Area[];
	/** Values per breakdown key, in order of first appearance. */
	breakdowns: Record<string, string[]>;
	/** The chart kinds this data supports, in the order they are offered. */
	kinds: ChartKind[];
}

export interface ChartView {
	kind: ChartKind;
	/** The period shown by 'areas' and 'kon'. */
	period: string;
	/** Fixed value per breakdown key that has more than one value. */
	filters: Record<string, string>;
}

const SEXES = ['K', 'M'] as const;

export function facetsOf(observations: readonly Observation[]): Facets {
	const periods = listPeriods(observations);
	const breakdowns = listBreakdowns(observations);
	const sexes = breakdowns[SEX_BREAKDOWN_KEY] ?? [];
	const kinds: ChartKind[] = [];
	if (periods.length > 1) kinds.push('time');
	if (observations.length > 0) kinds.push('areas');
	if (SEXES.every((s) => sexes.includes(s))) kinds.push('kon');
	return { periods, areas: listAreas(observations), breakdowns, kinds };
}

/**
 * The first view of an indicator: over time when there is more than one
 * period, otherwise areas compared; the latest period that has a value; the
 * total ('T') for kön and the first value of any other breakdown.
 */
export function defaultView(observations: readonly Observation[], facets: Facets): ChartView {
	const filters: Record<string, string> = {};
	for (const [key, values] of Object.entries(facets.breakdowns)) {
		if (values.length < 2) continue;
		filters[key] = key === SEX_BREAKDOWN_KEY && values.includes('T') ? 'T' : values[0]!;
	}
	const kind = facets.kinds[0] ?? 'areas';
	const view: ChartView = { kind, period: facets.periods.at(-1) ?? '', filters };
	return { ...view, period: latestPeriodWithValue(observations, view, facets) };
}

/** Keeps a view valid when new data arrives (a period or breakdown value may have gone). */
export function reconcileView(view: ChartView, observations: readonly Observation[], facets: Facets): ChartView {
	const fallback = defaultView(observations, facets);
	const filters: Record<string, string> = {};
	for (const [key, value] of Object.entries(fallback.filters)) {
		const current = view.filters[key];
		filters[key] = current !== undefined && facets.breakdowns[key]?.includes(current) ? current : value;
	}
	return {
		kind: facets.kinds.includes(view.kind) ? view.kind : fallback.kind,
		period: facets.periods.includes(view.period) ? view.period : fallback.period,
		filters
	};
}

/**
 * The observations a view draws: filtered by the fixed breakdowns (except kön
 * in the 'kon' view, which keeps kvinnor and män), and to one period unless it
 * is a time series.
 */
export function viewObservations(observations: readonly Observation[], view: ChartView): Observation[] {
	return observations.filter((o) => {
		if (view.kind !== 'time' && o.period !== view.period) return false;
		for (const [key, value] of Object.entries(view.filters)) {
			if (view.kind === 'kon' && key === SEX_BREAKDOWN_KEY) continue;
			if (o.breakdown[key] !== value) return false;
		}
		if (view.kind === 'kon') return (SEXES as readonly string[]).includes(o.breakdown[SEX_BREAKDOWN_KEY] ?? '');
		return true;
	});
}

function latestPeriodWithValue(observations: readonly Observation[], view: ChartView, facets: Facets): string {
	const shown = viewObservations(observations, { ...view, kind: 'time' });
	for (const period of [...facets.periods].reverse()) {
		if (shown.some((o) => o.period === period && hasValue(o))) return period;
	}
	return facets.periods.at(-1) ?? '';
}

const NATIONAL_NAMES = /^(riket|sverige|hela (landet|riket|sverige)|sweden)$/i;

/**
 * The area every other is read against: riket by its code ('0000', '00'), or,
 * in an uploaded table without codes, by its name ('Riket', 'Sverige').
 */
export function isReferenceArea(area: Area): boolean {
	return isNationalArea(area.code) || NATIONAL_NAMES.test(area.name.trim());
}

/** Where a reading pinned to this observation points. */
export function pointOf(observation: Pick<Observation, 'area' | 'period' | 'breakdown'>): ReadingPoint {
	return { area: observation.area.code, period: observation.period, breakdown: { ...observation.breakdown } };
}

/** A stable key for a point, the same for a reading and the observation it is pinned to. */
export function pointKey(point: ReadingPoint): string {
	const pairs = Object.entries(point.breakdown)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([k, v]) => `${k}=${v}`);
	return [point.area, point.period, ...pairs].join('|');
}
