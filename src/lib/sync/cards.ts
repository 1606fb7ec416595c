import * as Y from 'yjs';
import { checkCardText, type Card } from '$lib/domain/cards/card';
import { cardSchema } from '$lib/domain/cards/card-schema';
import { getCards } from './schema';

/**
 * Card commands over a canvas (or draft) document. Each runs in one transaction
 * with the caller's origin. A card is a nested Y.Map, one key per field, so two
 * people changing different fields of one card both keep their change.
 */
const OPTIONAL_FIELDS = ['hidden', 'mergedFrom', 'groupId', 'available', 'nextStep', 'proposedDataOwner'] as const;

export function addCard(doc: Y.Doc, card: Card, origin: unknown): void {
	const problem = checkCardText(card.text);
	if (problem) throw new Error(`card text is ${problem}`);
	doc.transact(() => {
		const entry = new Y.Map<unknown>();
		entry.set('authorId', card.authorId);
		entry.set('id', card.id);
		entry.set('kind', card.kind);
		entry.set('text', card.text.trim());
		entry.set('sector', card.sector);
		entry.set('createdAt', card.createdAt);
		for (const field of OPTIONAL_FIELDS) if (card[field] !== undefined) entry.set(field, card[field]);
		getCards(doc).set(card.id, entry);
	}, origin);
}

/**
 * Writes the fields of `card` that differ from what the document holds (adding the
 * card if it is missing), so a domain change touches only what it changed.
 */
export function putCard(doc: Y.Doc, card: Card, origin: unknown): void {
	const entry = getCards(doc).get(card.id);
	if (!(entry instanceof Y.Map)) {
		addCard(doc, card, origin);
		return;
	}
	doc.transact(() => {
		if (entry.get('text') !== card.text) entry.set('text', card.text);
		for (const field of OPTIONAL_FIELDS) {
			const value = card[field];
			if (value === undefined) {
				if (entry.has(field)) entry.delete(field);
			} else if (JSON.stringify(entry.get(field)) !== JSON.stringify(value)) {
				entry.set(field, value);
			}
		}
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

export function deleteCards(doc: Y.Doc, ids: readonly string[], origin: unknown): void {
	doc.transact(() => ids.forEach((id) => getCards(doc).delete(id)), origin);
}

/**
 * Plain cards, oldest first. Every entry is checked with the same schema commands and
 * imports use; one that fails (written by an earlier version, or damaged) is skipped,
 * so a single bad value never blanks a board or fails a report. `onSkipped` hears of it.
 */
export function readCards(doc: Y.Doc, onSkipped?: (id: string) => void): Card[] {
	const cards: Card[] = [];
	for (const [key, entry] of getCards(doc).entries()) {
		const card = entry instanceof Y.Map ? readCard(entry) : null;
		if (card) cards.push(card);
		else onSkipped?.(key);
	}
	return cards.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** One card entry, or null when it is not a valid card. */
export function readCard(entry: Y.Map<unknown>): Card | null {
	const parsed = cardSchema.safeParse(entry.toJSON());
	return parsed.success ? (parsed.data as Card) : null;
}
