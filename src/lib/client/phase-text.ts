import { formatItemOf } from '$lib/domain/method/default-templates';
import type { Phase } from '$lib/domain/method/phases';
import type { Lang } from '$lib/i18n/lang';

type Texts = Record<Lang, string>;

/** Phases the shipped agenda leaves for the facilitator to place: their texts are kept here. */
const PLACED_BY_FACILITATOR: Partial<Record<Phase, { title: Texts; prompt: Texts; note: Texts }>> = {
	'reflektion-start': {
		title: { sv: 'Inledande reflektion', en: 'Opening reflection' },
		prompt: { sv: 'Svara anonymt i mobilen innan vi börjar.', en: 'Answer anonymously on your phone before we start.' },
		note: {
			sv: 'Svaren syns på projektorn som ordmoln eller per sektor, aldrig med namn. Jämför med den avslutande reflektionen.',
			en: 'The answers show on the projector as a word cloud or by sector, never with names. Compare with the closing reflection.'
		}
	}
};

/**
 * Title, prompt and facilitator's note of a phase, in the seed's words, from the shipped
 * agenda templates: the standard agenda's wording first, then the first format that runs
 * the phase (the system map and *Testa i dialog* come with the municipality visit), then
 * the texts kept here for phases only the facilitator places.
 */
export function phaseText(phase: Phase, lang: Lang): { title: string; prompt: string; note: string } {
	const item = formatItemOf(phase) ?? PLACED_BY_FACILITATOR[phase];
	return { title: item?.title[lang] ?? phase, prompt: item?.prompt[lang] ?? '', note: item?.note?.[lang] ?? '' };
}
