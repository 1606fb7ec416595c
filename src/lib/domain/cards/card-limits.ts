/**
 * How many cards one board holds. A real workshop stays far below (300 people writing
 * ten cards each fit); the caps stop one person or a script from flooding a board that
 * everyone's phone has to load and render.
 */
export const CARD_LIMITS = {
	/** Cards one participant may have on one canvas (or in their private draft). */
	perPerson: 200,
	/** Cards on one canvas in total. */
	perCanvas: 3000
} as const;

export type CardLimitProblem = 'person-limit' | 'canvas-limit';

/** Whether one more card may be added, given what the board already holds. */
export function cardLimitProblem(counts: { mine: number; total: number }): CardLimitProblem | null {
	if (counts.mine >= CARD_LIMITS.perPerson) return 'person-limit';
	if (counts.total >= CARD_LIMITS.perCanvas) return 'canvas-limit';
	return null;
}

/** Counts of a board's cards for `authorId`. */
export function cardCounts(cards: Iterable<{ authorId: string }>, authorId: string): { mine: number; total: number } {
	let mine = 0;
	let total = 0;
	for (const card of cards) {
		total++;
		if (card.authorId === authorId) mine++;
	}
	return { mine, total };
}
