import { describe, expect, it } from 'vitest';
import type { Card } from './card';
import type { CardChanges } from './card-changes';
import { mergeCards } from './merge';

/** The list after `changes`, in the original order. */
function applyCardChanges(cards: readonly Card[], changes: CardChanges): Card[] {
	const removed = new Set(changes.removedIds);
	const updated = new Map(changes.updated.map((card) => [card.id, card]));
	return cards.filter((card) => !removed.has(card.id)).map((card) => updated.get(card.id) ?? card);
}

function card(id: string, kind: Card['kind'], extra: Partial<Card> = {}): Card {
	return { id, kind, text: `text ${id}`, authorId: 'p1', sector: 'skola', createdAt: '2026-03-01T10:00:00Z', ...extra };
}

function available(id: string, wishIds: string[]): Card {
	return card(id, 'tillganglig', { available: { wishIds, source: 'SCB', level: 'nationell', uses: ['utforska'] } });
}

describe('mergeCards', () => {
	it('keeps one card with its text and records the merged ids', () => {
		const cards = [card('w1', 'onskvard'), card('w2', 'onskvard'), card('w3', 'onskvard')];
		const result = mergeCards(cards, { keepId: 'w1', mergeIds: ['w2', 'w3'] });
		if (!result.ok) throw new Error(result.error);
		expect(result.value.removedIds).toEqual(['w2', 'w3']);
		const after = applyCardChanges(cards, result.value);
		expect(after).toEqual([{ ...cards[0], mergedFrom: ['w2', 'w3'] }]);
	});

	it('keeps the history of earlier merges', () => {
		const cards = [card('w1', 'onskvard', { mergedFrom: ['w0'] }), card('w2', 'onskvard', { mergedFrom: ['w9'] })];
		const result = mergeCards(cards, { keepId: 'w1', mergeIds: ['w2'] });
		expect(result.ok && result.value.updated[0]!.mergedFrom).toEqual(['w0', 'w2', 'w9']);
	});

	it('moves links from merged wishes to the kept wish without duplicates', () => {
		const cards = [
			card('w1', 'onskvard'),
			card('w2', 'onskvard'),
			available('t1', ['w1', 'w2']),
			available('t2', ['w2']),
			available('t3', ['w5'])
		];
		const result = mergeCards(cards, { keepId: 'w1', mergeIds: ['w2'] });
		if (!result.ok) throw new Error(result.error);
		expect(result.value.updated.map((c) => c.id)).toEqual(['w1', 't1', 't2']);
		const after = applyCardChanges(cards, result.value);
		expect(after.find((c) => c.id === 't1')!.available!.wishIds).toEqual(['w1']);
		expect(after.find((c) => c.id === 't2')!.available!.wishIds).toEqual(['w1']);
		expect(after.find((c) => c.id === 't3')!.available!.wishIds).toEqual(['w5']);
	});

	it('unions the wish links of merged available-data cards', () => {
		const cards = [available('t1', ['w1']), available('t2', ['w2', 'w1'])];
		const result = mergeCards(cards, { keepId: 't1', mergeIds: ['t2'] });
		expect(result.ok && result.value.updated[0]!.available!.wishIds).toEqual(['w1', 'w2']);
	});

	it('takes a proposed data owner from a duplicate when the kept wish has none', () => {
		const cards = [card('w1', 'onskvard'), card('w2', 'onskvard', { proposedDataOwner: 'Polisen' })];
		const result = mergeCards(cards, { keepId: 'w1', mergeIds: ['w2'] });
		expect(result.ok && result.value.updated[0]!.proposedDataOwner).toBe('Polisen');
	});

	it('refuses to merge cards of different kinds', () => {
		const cards = [card('w1', 'onskvard'), card('n1', 'nasta-steg')];
		expect(mergeCards(cards, { keepId: 'w1', mergeIds: ['n1'] })).toEqual({ ok: false, error: 'kind-mismatch' });
	});

	it('refuses unknown cards, an empty merge and merging a card into itself', () => {
		const cards = [card('w1', 'onskvard'), card('w2', 'onskvard')];
		expect(mergeCards(cards, { keepId: 'w1', mergeIds: ['nope'] })).toEqual({ ok: false, error: 'unknown-card' });
		expect(mergeCards(cards, { keepId: 'nope', mergeIds: ['w2'] })).toEqual({ ok: false, error: 'unknown-card' });
		expect(mergeCards(cards, { keepId: 'w1', mergeIds: [] })).toEqual({ ok: false, error: 'nothing-to-merge' });
		expect(mergeCards(cards, { keepId: 'w1', mergeIds: ['w1'] })).toEqual({ ok: false, error: 'keep-in-merge-list' });
	});

	it('never changes the cards it is given', () => {
		const kept = Object.freeze(card('w1', 'onskvard'));
		mergeCards([kept, card('w2', 'onskvard')], { keepId: 'w1', mergeIds: ['w2'] });
		expect(kept.mergedFrom).toBeUndefined();
	});
});
