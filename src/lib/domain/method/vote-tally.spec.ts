import { describe, expect, it } from 'vitest';
import type { Card } from '../cards/card';
import { addProxyVoter, castVote, closeVote, createVote, type VoteState } from './dot-vote';
import type { Result } from './result';
import { prioritisedWishes, tally, voteView } from './vote-tally';

function wish(id: string, minute: number, extra: Partial<Card> = {}): Card {
	const createdAt = `2026-03-01T10:${String(minute).padStart(2, '0')}:00Z`;
	return { id, kind: 'onskvard', text: id, authorId: 'p1', sector: 'skola', createdAt, ...extra };
}

function value<T>(result: Result<T, string>): T {
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

const cards = [wish('w1', 1), wish('w2', 2), wish('w3', 3), wish('w4', 4)];

function voted(): VoteState {
	let state = value(createVote({ cards }));
	const casts: [string, string][] = [
		['anna', 'w3'],
		['anna', 'w3'],
		['bo', 'w2'],
		['bo', 'w4'],
		['cia', 'w4'],
		['cia', 'w2']
	];
	for (const [voterId, cardId] of casts) state = value(castVote(state, { voterId, cardId }));
	return state;
}

describe('tally', () => {
	it('orders by votes, breaking ties by creation order, with shared ranks', () => {
		expect(tally(voted())).toEqual([
			{ cardId: 'w2', votes: 2, rank: 1, tied: true },
			{ cardId: 'w3', votes: 2, rank: 1, tied: true },
			{ cardId: 'w4', votes: 2, rank: 1, tied: true },
			{ cardId: 'w1', votes: 0, rank: 4, tied: false }
		]);
	});

	it('gives the same order whatever order the votes were cast in', () => {
		const state = voted();
		const reversed = { ...state, votes: [...state.votes].reverse() };
		expect(tally(reversed)).toEqual(tally(state));
	});

	it('ranks a clear winner first', () => {
		const state = value(castVote(voted(), { voterId: 'anna', cardId: 'w4' }));
		expect(tally(state).map((row) => [row.cardId, row.rank])).toEqual([
			['w4', 1],
			['w2', 2],
			['w3', 2],
			['w1', 4]
		]);
	});
});

describe('voteView', () => {
	const anna = { role: 'participant' as const, participantId: 'anna' };
	const facilitator = { role: 'facilitator' as const };

	it('shows a participant only their own dots while the vote is open', () => {
		const view = voteView(voted(), anna);
		expect(view.own).toEqual({ byCard: { w3: 2 }, used: 2, left: 1 });
		expect(view.tally).toBeNull();
		expect(view.proxies).toBeNull();
		expect(view.progress).toEqual({ dots: 6, voters: 3 });
	});

	it('hides the tally from the facilitator too while open, but shows the proxies\u2019 dots', () => {
		const withProxy = value(addProxyVoter(voted(), { id: 'px', name: 'Gunnar' }));
		const state = value(castVote(withProxy, { voterId: 'px', cardId: 'w1' }));
		const view = voteView(state, facilitator);
		expect(view.tally).toBeNull();
		expect(view.own).toBeNull();
		expect(view.proxies).toEqual([{ id: 'px', name: 'Gunnar', byCard: { w1: 1 }, used: 1, left: 2 }]);
	});

	it('shows everyone the tally once closed', () => {
		const closed = closeVote(voted());
		expect(voteView(closed, anna).tally).toEqual(tally(closed));
		expect(voteView(closed, facilitator).tally).toEqual(tally(closed));
	});
});

describe('prioritisedWishes', () => {
	it('follows the closed vote\u2019s order and puts wishes written later at the end', () => {
		const later = wish('w5', 9);
		const list = prioritisedWishes([...cards, later, { ...wish('s1', 0), kind: 'samverkan' }], closeVote(voted()));
		expect(list.map((item) => [item.card.id, item.votes, item.rank])).toEqual([
			['w2', 2, 1],
			['w3', 2, 1],
			['w4', 2, 1],
			['w1', 0, 4],
			['w5', null, null]
		]);
	});

	it('is in creation order without counts while the vote is open or missing', () => {
		expect(prioritisedWishes(cards, voted()).map((item) => [item.card.id, item.votes])).toEqual([
			['w1', null],
			['w2', null],
			['w3', null],
			['w4', null]
		]);
		expect(prioritisedWishes(cards, null)).toHaveLength(4);
	});

	it('leaves hidden wishes out', () => {
		const hidden = cards.map((card) => (card.id === 'w2' ? { ...card, hidden: true } : card));
		expect(prioritisedWishes(hidden, closeVote(voted())).map((item) => item.card.id)).toEqual(['w3', 'w4', 'w1']);
	});
});
