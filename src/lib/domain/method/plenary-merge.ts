import { compareByCreation, type Card } from '../cards/card';

export interface GroupCanvas {
	groupId: string;
	cards: readonly Card[];
}

/**
 * One card list for the plenary from the groups' canvases. Every card carries the
 * `groupId` it came from, so the plenary can show "grupp 2 wrote this" and results can
 * be read per group. Ids are random and normally unique; should two groups hold the
 * same id, the later group's card becomes `<groupId>-<id>` and links inside that group
 * follow, so no card overwrites another. Cards come in creation order.
 */
export function mergeGroupCanvases(canvases: readonly GroupCanvas[]): Card[] {
	const taken = new Set<string>();
	const merged: Card[] = [];
	for (const canvas of canvases) {
		const renamed = new Map<string, string>();
		for (const card of canvas.cards) {
			const id = taken.has(card.id) ? `${canvas.groupId}-${card.id}` : card.id;
			if (id !== card.id) renamed.set(card.id, id);
			taken.add(id);
		}
		for (const card of canvas.cards) {
			const copy: Card = { ...card, id: renamed.get(card.id) ?? card.id, groupId: canvas.groupId };
			if (card.available) {
				const wishIds = card.available.wishIds.map((id) => renamed.get(id) ?? id);
				copy.available = { ...card.available, wishIds };
			}
			merged.push(copy);
		}
	}
	return merged.sort(compareByCreation);
}
