import * as Y from 'yjs';
import { checkCardText, isCardKind, type Card } from '$lib/domain/cards/card';
import { getCards } from './schema';

/**
 * Card commands over a canvas document. Each runs in one transaction with the
 * caller's origin, so undo and persistence can tell who changed what.
 */
export function addCard(doc: Y.Doc, card: Card, origin: unknown): void {
	const problem = checkCardText(card.text);
	if (problem) throw new Error(`card text is ${problem}`);
	doc.transact(() => {
		const entry = new Y.Map<unknown>();
		entry.set('id', card.id);
		entry.set('kind', card.kind);
		entry.set('text', card.text.trim());
		entry.set('authorId', card.authorId);
		entry.set('sector', card.sector);
		entry.set('createdAt', card.createdAt);
		getCards(doc).set(card.id, entry);
	}, origin);
}

export function editCardText(doc: Y.Doc, id: string, text: string, origin: unknown): void {
	const problem = checkCardText(text);
	if (problem) throw new Error(`card text is ${problem}`);
	doc.transact(() => getCards(doc).get(id)?.set('text', text.trim()), origin);
}

export function deleteCard(doc: Y.Doc, id: string, origin: unknown): void {
	doc.transact(() => getCards(doc).delete(id), origin);
}

/** Plain cards, oldest first; entries that are not well-formed cards are skipped. */
export function readCards(doc: Y.Doc): Card[] {
	const cards: Card[] = [];
	for (const entry of getCards(doc).values()) {
		if (!(entry instanceof Y.Map)) continue;
		const kind = entry.get('kind');
		const text = entry.get('text');
		const id = entry.get('id');
		if (typeof id !== 'string' || typeof text !== 'string' || !isCardKind(kind)) continue;
		cards.push({
			id,
			kind,
			text,
			authorId: String(entry.get('authorId') ?? ''),
			sector: entry.get('sector') as Card['sector'],
			createdAt: String(entry.get('createdAt') ?? '')
		});
	}
	return cards.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
