import { err, ok, type Result } from '../method/result';
import type { Card } from './card';
import type { CardChanges } from './card-changes';

export type MergeProblem = 'unknown-card' | 'nothing-to-merge' | 'keep-in-merge-list' | 'kind-mismatch';

/**
 * Merges duplicate cards into one, as the facilitator does when two people wrote the
 * same wish. The kept card keeps its text and author and records every merged id (also
 * those merged into the duplicates earlier) in `mergedFrom`. What pointed at a
 * duplicate now points at the kept card:
 * - links from available-data cards to a merged wish move to the kept wish;
 * - merged available-data cards add their wish links to the kept card's.
 * A proposed data owner on a duplicate is kept if the kept card has none.
 * Votes live in the vote state: move them with `mergeVoteCards` in the same step.
 * Only cards of one kind can be merged: a wish is not a next step.
 */
export function mergeCards(
	cards: readonly Card[],
	options: { keepId: string; mergeIds: readonly string[] }
): Result<CardChanges, MergeProblem> {
	const { keepId } = options;
	const mergeIds = unique(options.mergeIds);
	if (mergeIds.length === 0) return err('nothing-to-merge');
	if (mergeIds.includes(keepId)) return err('keep-in-merge-list');
	const byId = new Map(cards.map((card) => [card.id, card]));
	const kept = byId.get(keepId);
	const duplicates = mergeIds.flatMap((id) => byId.get(id) ?? []);
	if (!kept || duplicates.length !== mergeIds.length) return err('unknown-card');
	if (duplicates.some((card) => card.kind !== kept.kind)) return err('kind-mismatch');

	const gone = new Set(mergeIds);
	const updated: Card[] = [];
	for (const card of cards) {
		if (gone.has(card.id)) continue;
		if (card.id === keepId) {
			updated.push(relink(combine(kept, duplicates), gone, keepId));
		} else if (card.available?.wishIds.some((id) => gone.has(id))) {
			updated.push(relink(card, gone, keepId));
		}
	}
	return ok({ updated, removedIds: mergeIds });
}

function combine(kept: Card, duplicates: readonly Card[]): Card {
	const all = [kept, ...duplicates];
	const mergedFrom = unique([...(kept.mergedFrom ?? []), ...duplicates.flatMap((card) => [card.id, ...(card.mergedFrom ?? [])])]);
	const next: Card = { ...kept, mergedFrom };
	const available = all.flatMap((card) => card.available ?? []);
	const [first] = available;
	if (first) next.available = { ...first, wishIds: unique(available.flatMap((a) => a.wishIds)) };
	const owner = all.find((card) => card.proposedDataOwner)?.proposedDataOwner;
	if (owner) next.proposedDataOwner = owner;
	return next;
}

function relink(card: Card, gone: ReadonlySet<string>, keepId: string): Card {
	if (!card.available) return card;
	const wishIds = unique(card.available.wishIds.map((id) => (gone.has(id) ? keepId : id)));
	return { ...card, available: { ...card.available, wishIds } };
}

function unique(ids: readonly string[]): string[] {
	return [...new Set(ids)];
}
