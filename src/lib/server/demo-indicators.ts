import demoJson from '../../../workshop-templates/demo-indicators.json';
import { demoIndicatorSetSchema, type ImportedIndicator } from '$lib/domain/indicators';
import { INDICATORS_DOC, mergeImportedIndicators, readIndicators } from '$lib/sync/indicators';
import type { DocRegistry } from './realtime/doc-registry';

/** Validated once: a broken file fails at start-up and in workshop-templates/indicators.spec.ts, not in a workshop. */
const DEMO_SET = demoIndicatorSetSchema.parse(demoJson);

/**
 * Writes the demo indicator set (workshop-templates/demo-indicators.json: real,
 * published figures from the seed documents, each with its source) into a
 * workshop's `indicators` document. Indicators the workshop already has are
 * left alone, so calling this on every start changes nothing after the first.
 */
export async function seedDemoIndicators(docs: DocRegistry, workshopId: string): Promise<void> {
	const live = await docs.get(workshopId, INDICATORS_DOC);
	const present = new Set(readIndicators(live.doc).indicators.map((i) => i.id));
	const missing = DEMO_SET.indicators.filter((indicator) => !present.has(indicator.id));
	if (missing.length === 0) return;
	const imported = missing.map((indicator): ImportedIndicator => ({
		id: indicator.id,
		name: indicator.name,
		...(indicator.unit ? { unit: indicator.unit } : {}),
		meta: indicator.meta,
		// The per-value source quotes stay in the template file; the chart names the source through the attribution.
		observations: indicator.observations.map(({ source: _source, ...observation }) => observation)
	}));
	const periodNotes = Object.fromEntries(
		missing.flatMap((indicator) => (indicator.periodNote ? [[indicator.id, indicator.periodNote]] : []))
	);
	await docs.transact(live, (doc) => mergeImportedIndicators(doc, imported, { now: new Date().toISOString(), periodNotes }, null));
}
