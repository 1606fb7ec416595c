import * as Y from 'yjs';
import { checkCardText, isCardKind, type Card } from '$lib/domain/cards/card';
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
		// authorId first: the server's update guard reads it to decide who owns the entry.
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

/** Plain cards, oldest first; entries that are not well-formed cards are skipped. */
export function readCards(doc: Y.Doc): Card[] {
	const cards: Card[] = [];
	for (const entry of getCards(doc).values()) {
		const card = entry instanceof Y.Map ? toCard(entry) : null;
		if (card) cards.push(card);
	}
	return cards.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

function toCard(entry: Y.Map<unknown>): Card | null {
	const { id, kind, text } = { id: entry.get('id'), kind: entry.get('kind'), text: entry.get('text') };
	if (typeof id !== 'string' || typeof text !== 'string' || !isCardKind(kind)) return null;
	const card: Card = {
		id,
		kind,
		text,
		authorId: String(entry.get('authorId') ?? ''),
		sector: entry.get('sector') as Card['sector'],
		createdAt: String(entry.get('createdAt') ?? '')
	};
	if (entry.get('hidden') === true) card.hidden = true;
	const mergedFrom = entry.get('mergedFrom');
	if (Array.isArray(mergedFrom)) card.mergedFrom = mergedFrom.filter((v): v is string => typeof v === 'string');
	const groupId = entry.get('groupId');
	if (typeof groupId === 'string') card.groupId = groupId;
	const available = entry.get('available');
	if (available && typeof available === 'object') card.available = available as Card['available'];
	const nextStep = entry.get('nextStep');
	if (nextStep && typeof nextStep === 'object') card.nextStep = nextStep as Card['nextStep'];
	const owner = entry.get('proposedDataOwner');
	if (typeof owner === 'string') card.proposedDataOwner = owner;
	return card;
}
