import type { Area, Observation } from './observation';
import { comparePeriods } from './periods';

/** One line in a chart: the observations of one indicator for one area and one breakdown combination. */
export interface Series {
	/** Stable key: indicator, area code and the sorted breakdown pairs. */
	key: string;
	indicatorId: string;
	area: Area;
	breakdown: Record<string, string>;
	/** Sorted chronologically with {@link comparePeriods}; gaps stay as observations with `value: null`. */
	observations: Observation[];
}

/**
 * Key for the series an observation belongs to. Breakdown pairs are sorted so
 * `{ kon, alder }` and `{ alder, kon }` land in the same series whatever order
 * the importer wrote them in.
 */
export function seriesKey(observation: Pick<Observation, 'indicatorId' | 'area' | 'breakdown'>): string {
	const pairs = Object.entries(observation.breakdown)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([key, value]) => `${key}=${value}`);
	return [observation.indicatorId, observation.area.code, ...pairs].join('|');
}

/**
 * Groups observations into series by indicator, area and breakdown, in the
 * order each series first appears, with each series' observations sorted by
 * period. When a source repeats a period within one series the later row is
 * kept, so re-imported pages replace rather than duplicate.
 */
export function groupIntoSeries(observations: readonly Observation[]): Series[] {
	const byKey = new Map<string, Series & { byPeriod: Map<string, Observation> }>();
	for (const observation of observations) {
		const key = seriesKey(observation);
		let series = byKey.get(key);
		if (!series) {
			series = {
				key,
				indicatorId: observation.indicatorId,
				area: observation.area,
				breakdown: observation.breakdown,
				observations: [],
				byPeriod: new Map()
			};
			byKey.set(key, series);
		}
		series.byPeriod.set(observation.period, observation);
	}
	return [...byKey.values()].map(({ byPeriod, ...series }) => ({
		...series,
		observations: [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period))
	}));
}

/** Distinct period labels, sorted chronologically (see {@link comparePeriods}). */
export function listPeriods(observations: readonly Pick<Observation, 'period'>[]): string[] {
	return [...new Set(observations.map((o) => o.period))].sort(comparePeriods);
}

/** Distinct areas in order of first appearance, by code. */
export function listAreas(observations: readonly Pick<Observation, 'area'>[]): Area[] {
	const byCode = new Map<string, Area>();
	for (const { area } of observations) if (!byCode.has(area.code)) byCode.set(area.code, area);
	return [...byCode.values()];
}

/** Distinct values per breakdown key, e.g. `{ kon: ['T', 'M', 'K'] }`, in order of first appearance. */
export function listBreakdowns(observations: readonly Pick<Observation, 'breakdown'>[]): Record<string, string[]> {
	const result: Record<string, Set<string>> = {};
	for (const { breakdown } of observations) {
		for (const [key, value] of Object.entries(breakdown)) (result[key] ??= new Set()).add(value);
	}
	return Object.fromEntries(Object.entries(result).map(([key, values]) => [key, [...values]]));
}
