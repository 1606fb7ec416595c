import { DEFAULT_AGENDA_TEMPLATE } from '$lib/domain/method/default-templates';
import type { Phase } from '$lib/domain/method/phases';
import type { Lang } from '$lib/i18n/lang';

/** Title, prompt and facilitator's note of a phase, in the seed's words, from the shipped agenda template. */
export function phaseText(phase: Phase, lang: Lang): { title: string; prompt: string; note: string } {
	const item = DEFAULT_AGENDA_TEMPLATE.items.find((entry) => entry.phase === phase);
	return { title: item?.title[lang] ?? phase, prompt: item?.prompt[lang] ?? '', note: item?.note?.[lang] ?? '' };
}
