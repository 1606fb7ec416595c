import { summariseImport, type ImportResult, type ImportSummary } from '$lib/domain/indicators';
import { INDICATORS_DOC, mergeImportedIndicators } from '$lib/sync/indicators';
import { ImportError } from '../importers/import-error';
import type { DocRegistry } from '../realtime/doc-registry';

/**
 * Every participant's phone receives the whole indicators document, so one
 * import may add at most this many observations: enough for a KPI over all 290
 * municipalities and 20 years with kön, far from what would stall a phone.
 */
export const MAX_IMPORT_OBSERVATIONS = 20_000;

/** Refuses a result too large for the workshop document; see {@link MAX_IMPORT_OBSERVATIONS}. */
export function checkImportSize(result: ImportResult): void {
	const count = result.indicators.reduce((sum, indicator) => sum + indicator.observations.length, 0);
	if (count > MAX_IMPORT_OBSERVATIONS) {
		throw new ImportError(
			'too_large',
			`The data has ${count} values; a workshop takes at most ${MAX_IMPORT_OBSERVATIONS} per import. Choose fewer areas, years or breakdowns.`
		);
	}
}

/**
 * Stores imported indicators in the workshop's `indicators` document (merged,
 * see mergeImportedIndicators) and answers what was stored. Resolves once the
 * change is durable and has been sent to everyone connected.
 */
export async function storeImport(options: {
	docs: DocRegistry;
	workshopId: string;
	result: ImportResult;
	periodNotes?: Record<string, string>;
}): Promise<ImportSummary> {
	const { docs, workshopId, result } = options;
	checkImportSize(result);
	const live = await docs.get(workshopId, INDICATORS_DOC);
	const now = new Date().toISOString();
	await docs.transact(live, (doc) =>
		mergeImportedIndicators(doc, result.indicators, { now, ...(options.periodNotes ? { periodNotes: options.periodNotes } : {}) }, null)
	);
	return summariseImport(result);
}
