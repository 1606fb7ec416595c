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
