import { SEX_BREAKDOWN_KEY, type Area, type DimensionLabels, type Observation } from '$lib/domain/indicators';
import type { I18n } from '$lib/i18n/i18n.svelte';
import type { ReadingPoint } from '$lib/sync/indicators';

/**
 * Words for an indicator's codes in the page's language: 'Kvinnor' for kön 'K',
 * the source's own label for other breakdowns ('13 år'), area names for codes,
 * and "saknas"/"sekretess" for values that are not there (never 0).
 */
export interface IndicatorLabels {
	dimension(key: string): string;
	breakdownValue(key: string, value: string): string;
	area(code: string): string;
	point(point: ReadingPoint): string;
	/** The formatted value, or '–' with the reason when there is none. */
	value(observation: Pick<Observation, 'value' | 'status'>): string;
	format(value: number): string;
}

export function indicatorLabels(options: {
	i18n: I18n;
	areas: readonly Area[];
	dimensions?: Record<string, DimensionLabels>;
	unit?: string;
}): IndicatorLabels {
	const { i18n, dimensions } = options;
	const names = new Map(options.areas.map((a) => [a.code, a.name]));
	const format = (value: number) => i18n.number(value, { maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : 1 });
	const breakdownValue = (key: string, value: string) =>
		key === SEX_BREAKDOWN_KEY && ['T', 'K', 'M'].includes(value)
			? i18n.t(`data.sex.${value}`)
			: (dimensions?.[key]?.categories[value] ?? value);
	return {
		dimension: (key) => (key === SEX_BREAKDOWN_KEY ? i18n.t('data.sex.label') : (dimensions?.[key]?.label ?? key)),
		breakdownValue,
		area: (code) => names.get(code) ?? code,
		point: (point) =>
			[
				names.get(point.area) ?? point.area,
				point.period,
				...Object.entries(point.breakdown)
					.filter(([key, value]) => !(key === SEX_BREAKDOWN_KEY && value === 'T'))
					.map(([key, value]) => breakdownValue(key, value))
			].join(' · '),
		value: (observation) => {
			if (observation.value !== null && Number.isFinite(observation.value)) {
				const text = format(observation.value);
				return observation.status === 'preliminary' ? `${text} (${i18n.t('data.status.preliminary')})` : text;
			}
			return `– (${i18n.t(observation.status === 'suppressed' ? 'data.status.suppressed' : 'data.status.missing')})`;
		},
		format
	};
}
