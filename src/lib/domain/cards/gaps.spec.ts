import { describe, expect, it } from 'vitest';
import type { Card } from './card';
import { availableFor, findGaps } from './gaps';

function card(id: string, kind: Card['kind'], extra: Partial<Card> = {}): Card {
	return { id, kind, text: id, authorId: 'p1', sector: 'skola', createdAt: '2026-03-01T10:00:00Z', ...extra };
}

function available(id: string, wishIds: string[], extra: Partial<Card> = {}): Card {
	const details = { wishIds, source: 'SCB', level: 'nationell' as const, uses: ['utforska' as const] };
	return card(id, 'tillganglig', { available: details, ...extra });
}

describe('findGaps', () => {
	it('lists wishes that no available-data card answers', () => {
		const cards = [card('w1', 'onskvard'), card('w2', 'onskvard'), card('w3', 'onskvard'), available('t1', ['w2'])];
		expect(findGaps(cards).map((gap) => gap.wish.id)).toEqual(['w1', 'w3']);
	});

	it('carries the proposed owner of each gap', () => {
		const cards = [card('w1', 'onskvard', { proposedDataOwner: 'Skolförvaltningen' }), card('w2', 'onskvard')];
		expect(findGaps(cards).map((gap) => gap.proposedDataOwner)).toEqual(['Skolförvaltningen', null]);
	});

	it('does not count hidden available-data cards as answers and leaves hidden wishes out', () => {
		const cards = [card('w1', 'onskvard'), card('w2', 'onskvard', { hidden: true }), available('t1', ['w1'], { hidden: true })];
		expect(findGaps(cards).map((gap) => gap.wish.id)).toEqual(['w1']);
	});

	it('orders gaps by priority, with unranked wishes after in card order', () => {
		const cards = [card('w1', 'onskvard'), card('w2', 'onskvard'), card('w3', 'onskvard'), card('w4', 'onskvard')];
		expect(findGaps(cards, { priorityOrder: ['w3', 'w1'] }).map((gap) => gap.wish.id)).toEqual(['w3', 'w1', 'w2', 'w4']);
	});

	it('is empty when every wish is answered', () => {
		expect(findGaps([card('w1', 'onskvard'), available('t1', ['w1'])])).toEqual([]);
	});
});

describe('availableFor', () => {
	it('finds the visible available-data cards linked to a wish', () => {
		const cards = [
			available('t1', ['w1']),
			available('t2', ['w2']),
			available('t3', ['w1', 'w2']),
			available('t4', ['w1'], { hidden: true })
		];
		expect(availableFor(cards, 'w1').map((c) => c.id)).toEqual(['t1', 't3']);
	});
});
