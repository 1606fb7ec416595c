import { hasValue, type Area, type Observation } from '../indicators/observation';
import { comparePeriods } from '../indicators/periods';
import { groupIntoSeries } from '../indicators/series';
import type { BaselineReading } from './schema';

/** The part of an indicator "then and now" needs. */
export interface IndicatorValues {
	id: string;
	meta: { namn: string; unit?: string };
	data: { observations: readonly Observation[] } | null;
}

/**
 * What each series of each indicator read at its latest period with a value:
 * the baseline a follow-up workshop compares new data against.
 */
export function baselineOf(indicators: readonly IndicatorValues[]): BaselineReading[] {
	return indicators.flatMap((indicator) =>
		groupIntoSeries(indicator.data?.observations ?? []).flatMap((series) => {
			const latest = series.observations.filter(hasValue).at(-1);
			return latest
				? [
						{
							indicatorId: indicator.id,
							seriesKey: series.key,
							area: series.area,
							breakdown: series.breakdown,
							period: latest.period,
							value: latest.value
						}
					]
				: [];
		})
	);
}

export interface SeriesChange {
	seriesKey: string;
	area: Area;
	breakdown: Record<string, string>;
	then: { period: string; value: number };
	now: { period: string; value: number };
	change: number;
}

export interface ThenAndNow {
	indicatorId: string;
	name: string;
	unit: string | null;
	series: SeriesChange[];
}

/**
 * Then against now for every indicator that has new data: per series, the
 * baseline's value beside the latest value of a later period. Series without a
 * later value are left out (nothing new to say), and so are indicators with no
 * such series, so the list shows only what has actually moved on.
 */
export function thenAndNow(baseline: readonly BaselineReading[], indicators: readonly IndicatorValues[]): ThenAndNow[] {
	const before = new Map(baseline.map((reading) => [reading.seriesKey, reading]));
	return indicators.flatMap((indicator) => {
		const series = baselineOf([indicator]).flatMap((latest): SeriesChange[] => {
			const then = before.get(latest.seriesKey);
			if (!then || comparePeriods(latest.period, then.period) <= 0) return [];
			return [
				{
					seriesKey: latest.seriesKey,
					area: latest.area,
					breakdown: latest.breakdown,
					then: { period: then.period, value: then.value },
					now: { period: latest.period, value: latest.value },
					change: latest.value - then.value
				}
			];
		});
		return series.length > 0 ? [{ indicatorId: indicator.id, name: indicator.meta.namn, unit: indicator.meta.unit ?? null, series }] : [];
	});
}
