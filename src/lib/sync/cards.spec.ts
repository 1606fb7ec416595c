import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, deleteCard, editCardText, readCards } from './cards';
import type { Card } from '$lib/domain/cards/card';

const card = (id: string, text: string, createdAt = '2026-01-01T10:00:00Z'): Card => ({
	id,
	kind: 'onskvard',
	text,
	authorId: 'p1',
	sector: 'skola',
	createdAt
});

describe('card commands', () => {
	it('adds, edits and deletes cards, reading them back oldest first', () => {
		const doc = new Y.Doc();
		addCard(doc, card('b', 'Andra', '2026-01-01T10:01:00Z'), 'test');
		addCard(doc, card('a', '  Första  '), 'test');
		expect(readCards(doc).map((c) => c.text)).toEqual(['Första', 'Andra']);
		editCardText(doc, 'a', 'Ändrad', 'test');
		deleteCard(doc, 'b', 'test');
		expect(readCards(doc)).toEqual([{ ...card('a', 'Ändrad') }]);
	});

	it('refuses empty and over-long card texts', () => {
		const doc = new Y.Doc();
		expect(() => addCard(doc, card('a', '   '), 'test')).toThrow(/empty/);
		expect(() => addCard(doc, card('a', 'x'.repeat(281)), 'test')).toThrow(/too-long/);
		expect(readCards(doc)).toEqual([]);
	});

	it('merges concurrent edits of different cards from two replicas', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addCard(a, card('x', 'Från A'), 'a');
		addCard(b, card('y', 'Från B', '2026-01-01T10:05:00Z'), 'b');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readCards(a)).toEqual(readCards(b));
		expect(readCards(a)).toHaveLength(2);
	});

	it('skips entries that are not well-formed cards instead of failing', () => {
		const doc = new Y.Doc();
		doc.getMap('cards').set('junk', new Y.Map());
		addCard(doc, card('a', 'Riktig'), 'test');
		expect(readCards(doc).map((c) => c.id)).toEqual(['a']);
	});
});
