import type { ImportResult } from './import-result';
import { hasValue } from './observation';
import { groupIntoSeries } from './series';

export interface IndicatorSummary {
	id: string;
	name: string;
	/** Number of series (area × breakdown combinations). */
	series: number;
	/** Number of observations, including the ones without a value. */
	points: number;
	/** Observations without a value (missing, suppressed or unreadable). */
	missing: number;
}

export interface ImportSummary {
	indicators: IndicatorSummary[];
	warnings: string[];
}

/**
 * The short answer to "what did this file contain?", shaped as the import API's
 * response `{ indicators: [{ id, name, series, points, missing }], warnings }`,
 * so the facilitator sees gaps before anything is saved to the workshop.
 */
export function summariseImport(result: ImportResult): ImportSummary {
	return {
		indicators: result.indicators.map((indicator) => ({
			id: indicator.id,
			name: indicator.name,
			series: groupIntoSeries(indicator.observations).length,
			points: indicator.observations.length,
			missing: indicator.observations.filter((o) => !hasValue(o)).length
		})),
		warnings: [...result.warnings]
	};
}
