import type { Card } from './card';

export interface DataGap {
	wish: Card;
	/** Who could produce the data, if someone has been proposed. */
	proposedDataOwner: string | null;
}

/**
 * The visible "Tillgänglig" cards that answer a wish, oldest first as given. Hidden
 * cards do not count: moderated content must not make a wish look covered.
 */
export function availableFor(cards: readonly Card[], wishId: string): Card[] {
	return cards.filter((card) => card.kind === 'tillganglig' && !card.hidden && (card.available?.wishIds.includes(wishId) ?? false));
}

/**
 * The gap list: wishes ("Önskvärd") with no available-data card linked, i.e. data the
 * group wants but nobody knows where to get. Ordered by `priorityOrder` (the closed
 * vote's card order) when given, with unranked wishes after in the given card order;
 * otherwise in the given card order. Hidden wishes are left out.
 */
export function findGaps(cards: readonly Card[], options: { priorityOrder?: readonly string[] } = {}): DataGap[] {
	const covered = new Set(cards.flatMap((card) => (card.kind === 'tillganglig' && !card.hidden ? (card.available?.wishIds ?? []) : [])));
	const gaps = cards
		.filter((card) => card.kind === 'onskvard' && !card.hidden && !covered.has(card.id))
		.map((wish) => ({ wish, proposedDataOwner: wish.proposedDataOwner ?? null }));
	const order = options.priorityOrder;
	if (!order) return gaps;
	const rank = new Map(order.map((id, index) => [id, index]));
	const rankOf = (gap: DataGap) => rank.get(gap.wish.id) ?? order.length;
	// Array.prototype.sort is stable, so unranked wishes keep their given order.
	return gaps.sort((a, b) => rankOf(a) - rankOf(b));
}
