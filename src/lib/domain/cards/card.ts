import type { Sector } from '../workshop/sectors';
import { checkTextLength, type TextLengthProblem } from '../workshop/text-input';
import type { AvailableData } from './available-data';
import type { NextStep } from './next-step';

export const CARD_TEXT_MAX = 280;

/**
 * The board's columns: the four of the A3 sheet (docs/METHOD.md: collaborators, wished
 * data, available data, next steps) and what each sector wants to test next after reading
 * the figures in dialogue (step 6, *Testa i dialog*). Later phases add fields per kind.
 */
export const CARD_KINDS = ['samverkan', 'onskvard', 'tillganglig', 'testa', 'nasta-steg'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** The columns printed on the seed's A3 canvas, in its order. */
export const A3_CARD_KINDS = ['samverkan', 'onskvard', 'tillganglig', 'nasta-steg'] as const satisfies readonly CardKind[];

export function isA3Kind(kind: CardKind): boolean {
	return (A3_CARD_KINDS as readonly CardKind[]).includes(kind);
}

export interface Card {
	id: string;
	kind: CardKind;
	text: string;
	/** Participant id of the author, or 'facilitator'. Never shown to other participants. */
	authorId: string;
	/** Shown instead of a name, so results read per perspective without identifying anyone. */
	sector: Sector | 'facilitator';
	createdAt: string;
	/** Set by moderation: the card stays, and is logged, but participants no longer see it. */
	hidden?: boolean;
	/** Ids of duplicate cards the facilitator merged into this one. */
	mergedFrom?: string[];
	/** The group canvas the card was written on, kept when group canvases are merged in plenary. */
	groupId?: string;
	/** Only on 'tillganglig' cards. */
	available?: AvailableData;
	/** Only on 'nasta-steg' cards. */
	nextStep?: NextStep;
	/** Only on 'onskvard' cards: who could produce the data ("vem kan ta fram detta?"). */
	proposedDataOwner?: string;
}

export type CardTextProblem = TextLengthProblem;

export function checkCardText(text: string): CardTextProblem | null {
	return checkTextLength(text, CARD_TEXT_MAX);
}

export function isCardKind(value: unknown): value is CardKind {
	return typeof value === 'string' && (CARD_KINDS as readonly string[]).includes(value);
}

/**
 * Card order everywhere in the method: oldest first, id as tie-break. Vote ties are
 * broken by this order, so it has to be the same on every device.
 */
export function compareByCreation(a: Card, b: Card): number {
	return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}
