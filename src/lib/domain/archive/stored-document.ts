import { DEFAULT_PHASE_RULES } from '../method/live-state';
import { PHASES } from '../method/phases';
import type { ArchiveDocument } from './schema';

/**
 * A frozen version as stored (written by this server, so not checked again), with what
 * versions frozen before the reflections and the evaluation existed lack filled in:
 * those phases' default settings and no answers.
 */
export function readStoredArchive(text: string): ArchiveDocument {
	const document = JSON.parse(text) as ArchiveDocument;
	const phases = { ...document.method.phases };
	for (const phase of PHASES) phases[phase] ??= { ...DEFAULT_PHASE_RULES[phase], revealed: false };
	return {
		...document,
		method: { ...document.method, phases },
		responses: (document.responses as ArchiveDocument['responses'] | undefined) ?? { surveys: {}, summaries: {}, followUp: false }
	};
}
