import type { IndicatorMeta } from './indicator-meta';
import type { Observation } from './observation';

/** Human labels for one breakdown dimension, so a UI can show 'kvinnor' for 'K' or '13 år' for '13'. */
export interface DimensionLabels {
	label: string;
	categories: Record<string, string>;
}

export interface ImportedIndicator {
	id: string;
	name: string;
	unit?: string;
	meta: Partial<IndicatorMeta>;
	observations: Observation[];
	/** Labels per breakdown key used in `observations[].breakdown`. */
	dimensions?: Record<string, DimensionLabels>;
	/**
	 * Provider fields kept verbatim for the data card (Kolada `auspice`,
	 * `operating_area`; SCB `tableid`, `updated`), because their meaning is the
	 * provider's and we should not translate it into ours.
	 */
	sourceDetails?: Record<string, string>;
}

/** What every importer returns. Warnings are English sentences about rows that were kept, fixed or skipped. */
export interface ImportResult {
	indicators: ImportedIndicator[];
	warnings: string[];
}

/**
 * Joins results (e.g. the pages of a paged Kolada response). Indicators with the
 * same id are merged: observations appended, metadata and labels combined with
 * the first result's values winning, so a later page cannot silently rename an indicator.
 */
export function mergeImportResults(results: readonly ImportResult[]): ImportResult {
	const byId = new Map<string, ImportedIndicator>();
	const warnings: string[] = [];
	for (const result of results) {
		warnings.push(...result.warnings);
		for (const indicator of result.indicators) {
			const existing = byId.get(indicator.id);
			if (!existing) {
				byId.set(indicator.id, {
					...indicator,
					meta: { ...indicator.meta },
					observations: [...indicator.observations]
				});
				continue;
			}
			existing.observations.push(...indicator.observations);
			existing.meta = { ...indicator.meta, ...existing.meta };
			existing.unit ??= indicator.unit;
			if (indicator.dimensions) existing.dimensions = { ...indicator.dimensions, ...existing.dimensions };
			if (indicator.sourceDetails) {
				existing.sourceDetails = { ...indicator.sourceDetails, ...existing.sourceDetails };
			}
		}
	}
	return { indicators: [...byId.values()], warnings };
}
