import { describe, expect, it } from 'vitest';
import { CARD_TEXT_MAX, checkCardText, compareByCreation, isCardKind, type Card } from './card';

describe('card basics', () => {
	it('accepts text up to the limit after trimming', () => {
		expect(checkCardText(`  ${'x'.repeat(CARD_TEXT_MAX)}  `)).toBeNull();
	});

	it('reports empty and too long text', () => {
		expect(checkCardText(' \n ')).toBe('empty');
		expect(checkCardText('x'.repeat(CARD_TEXT_MAX + 1))).toBe('too-long');
	});

	it('recognises the four canvas columns only', () => {
		expect(isCardKind('tillganglig')).toBe(true);
		expect(isCardKind('prioritera')).toBe(false);
	});
});

describe('creation order', () => {
	const card = (id: string, createdAt = '2026-03-01T10:00:00Z'): Card => ({
		id,
		kind: 'onskvard',
		text: id,
		authorId: 'p1',
		sector: 'skola',
		createdAt
	});

	it('sorts oldest first and breaks equal times by id', () => {
		const cards = [card('b'), card('c', '2026-03-01T09:00:00Z'), card('a')];
		expect([...cards].sort(compareByCreation).map((c) => c.id)).toEqual(['c', 'a', 'b']);
		expect(compareByCreation(cards[0]!, cards[0]!)).toBe(0);
	});
});
