/**
 * The canonical long format: one row per indicator, area, period and breakdown.
 * Every importer (Kolada, SCB PxWebApi 2, PxWeb v1, CSV/XLSX) produces these rows,
 * so charts, summaries and the workshop documents never see a provider's shape.
 */

/**
 * Why a value is (or is not) there. A row whose status is not 'ok' or
 * 'preliminary' has `value: null`; the model never stores a 0 for a gap,
 * because a 0 in a dialogue about a district reads as "nothing happened".
 */
export const OBSERVATION_STATUSES = ['ok', 'missing', 'suppressed', 'preliminary'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/** Geographic level, as far as the source lets us tell. */
export const AREA_LEVELS = ['riket', 'lan', 'kommun', 'stadsdelsomrade', 'stadsdel', 'RegSO', 'DeSO', 'skola', 'annan'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export interface Area {
	/** The source's own code ('0180', '00', '0114R001_RegSO2025') or, for uploads, the name. */
	code: string;
	name: string;
	level?: AreaLevel;
}

/** Sex codes after normalisation: total, kvinnor, män (Kolada's spelling, used by all sources here). */
export const SEX_CODES = ['T', 'K', 'M'] as const;
export type SexCode = (typeof SEX_CODES)[number];

/** Breakdown key that holds a normalised {@link SexCode}. */
export const SEX_BREAKDOWN_KEY = 'kon';

export interface Observation {
	indicatorId: string;
	area: Area;
	/** The source's period label: '2023', '2021-2024' (rolling), '2026M01', '2024K1'. */
	period: string;
	/** Last calendar year the period covers, when it can be read from the label. */
	periodEndYear?: number;
	/** Other dimensions, code per dimension key, e.g. `{ kon: 'K', alder: '13' }`. */
	breakdown: Record<string, string>;
	value: number | null;
	status: ObservationStatus;
	ciLower?: number;
	ciUpper?: number;
	/** Number of respondents or cases behind the value, when the source gives it. */
	n?: number;
}

/** True when the observation carries a usable number (ok or preliminary). */
export function hasValue(observation: Observation): observation is Observation & { value: number } {
	return observation.value !== null && Number.isFinite(observation.value);
}
