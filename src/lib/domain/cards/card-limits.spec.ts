import { describe, expect, it } from 'vitest';
import { CARD_LIMITS, cardCounts, cardLimitProblem } from './card-limits';

describe('card limits', () => {
	it('allows cards below both caps', () => {
		expect(cardLimitProblem({ mine: 0, total: 0 })).toBeNull();
		expect(cardLimitProblem({ mine: CARD_LIMITS.perPerson - 1, total: CARD_LIMITS.perCanvas - 1 })).toBeNull();
	});

	it("stops a person at their cap before the board's", () => {
		expect(cardLimitProblem({ mine: CARD_LIMITS.perPerson, total: 10 })).toBe('person-limit');
		expect(cardLimitProblem({ mine: CARD_LIMITS.perPerson, total: CARD_LIMITS.perCanvas })).toBe('person-limit');
	});

	it('stops everyone once the board is full', () => {
		expect(cardLimitProblem({ mine: 0, total: CARD_LIMITS.perCanvas })).toBe('canvas-limit');
	});

	it('counts the whole board and one author', () => {
		const cards = [{ authorId: 'a' }, { authorId: 'b' }, { authorId: 'a' }];
		expect(cardCounts(cards, 'a')).toEqual({ mine: 2, total: 3 });
		expect(cardCounts([], 'a')).toEqual({ mine: 0, total: 0 });
	});

	it('leaves room for a 300-person conference writing ten cards each', () => {
		expect(CARD_LIMITS.perCanvas).toBeGreaterThanOrEqual(300 * 10);
	});
});
