import type { Sector } from '../workshop/sectors';

export const CARD_TEXT_MAX = 280;

/**
 * The canvas columns of the A3 sheet (METHOD.md): collaborators, wished data,
 * available data and next steps. Later phases add fields per kind.
 */
export const CARD_KINDS = ['samverkan', 'onskvard', 'tillganglig', 'nasta-steg'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export interface Card {
	id: string;
	kind: CardKind;
	text: string;
	/** Participant id of the author, or 'facilitator'. Never shown to other participants. */
	authorId: string;
	/** Shown instead of a name, so results read per perspective without identifying anyone. */
	sector: Sector | 'facilitator';
	createdAt: string;
}

export type CardTextProblem = 'empty' | 'too-long';

export function checkCardText(text: string): CardTextProblem | null {
	const trimmed = text.trim();
	if (trimmed.length === 0) return 'empty';
	if (trimmed.length > CARD_TEXT_MAX) return 'too-long';
	return null;
}

export function isCardKind(value: unknown): value is CardKind {
	return typeof value === 'string' && (CARD_KINDS as readonly string[]).includes(value);
}
