import type { Card } from './card';

/**
 * What an operation on several cards changed, rather than the whole new list: the sync
 * layer writes exactly these cards and deletes exactly these ids, so concurrent edits
 * to other cards are untouched.
 */
export interface CardChanges {
	/** Cards to write in full (new versions of existing cards). */
	updated: Card[];
	removedIds: string[];
}

/** The list after `changes`, in the original order, for callers that hold plain arrays. */
export function applyCardChanges(cards: readonly Card[], changes: CardChanges): Card[] {
	const removed = new Set(changes.removedIds);
	const updated = new Map(changes.updated.map((card) => [card.id, card]));
	return cards.filter((card) => !removed.has(card.id)).map((card) => updated.get(card.id) ?? card);
}
