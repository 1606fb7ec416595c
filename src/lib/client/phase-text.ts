import { AGENDA_TEMPLATES } from '$lib/domain/method/default-templates';
import type { Phase } from '$lib/domain/method/phases';
import type { Lang } from '$lib/i18n/lang';

/**
 * Title, prompt and facilitator's note of a phase, in the seed's words, from the shipped
 * agenda templates: the standard agenda's wording first, then the first format that runs
 * the phase (the system map and *Testa i dialog* come with the municipality visit).
 */
export function phaseText(phase: Phase, lang: Lang): { title: string; prompt: string; note: string } {
	const item = AGENDA_TEMPLATES.flatMap((template) => template.items).find((entry) => entry.phase === phase);
	return { title: item?.title[lang] ?? phase, prompt: item?.prompt[lang] ?? '', note: item?.note?.[lang] ?? '' };
}
