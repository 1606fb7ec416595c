import { describe, expect, it } from 'vitest';
import type { Card } from '../cards/card';
import {
	addProxyVoter,
	castVote,
	closeVote,
	createVote,
	isProxyVoter,
	mergeVoteCards,
	removeProxyVoter,
	reopenVote,
	retractVote,
	syncBallot,
	votesUsed,
	type VoteState
} from './dot-vote';
import type { Result } from './result';

function wish(id: string, createdAt = '2026-03-01T10:00:00Z', extra: Partial<Card> = {}): Card {
	return { id, kind: 'onskvard', text: id, authorId: 'p1', sector: 'skola', createdAt, ...extra };
}

function value<T>(result: Result<T, string>): T {
	if (!result.ok) throw new Error(result.error);
	return result.value;
}

function vote(options: { budget?: number; perCardCap?: number | null } = {}): VoteState {
	return value(createVote({ cards: [wish('b'), wish('a'), wish('c', '2026-03-01T09:00:00Z')], ...options }));
}

function cast(state: VoteState, voterId: string, ...cardIds: string[]): VoteState {
	return cardIds.reduce((current, cardId) => value(castVote(current, { voterId, cardId })), state);
}

describe('createVote', () => {
	it('opens a vote with three dots each and the ballot in creation order', () => {
		expect(vote()).toEqual({
			status: 'open',
			budget: 3,
			perCardCap: null,
			cardIds: ['c', 'a', 'b'],
			votes: [],
			proxies: []
		});
	});

	it('leaves hidden cards off the ballot', () => {
		const state = value(createVote({ cards: [wish('a'), wish('b', undefined, { hidden: true })] }));
		expect(state.cardIds).toEqual(['a']);
	});

	it('refuses a budget outside 1-20 and a cap above the budget', () => {
		expect(createVote({ cards: [], budget: 0 })).toEqual({ ok: false, error: 'bad-budget' });
		expect(createVote({ cards: [], budget: 21 })).toEqual({ ok: false, error: 'bad-budget' });
		expect(createVote({ cards: [], budget: 2.5 })).toEqual({ ok: false, error: 'bad-budget' });
		expect(createVote({ cards: [], budget: 3, perCardCap: 4 })).toEqual({ ok: false, error: 'bad-cap' });
		expect(createVote({ cards: [], budget: 3, perCardCap: 0 })).toEqual({ ok: false, error: 'bad-cap' });
	});
});

describe('castVote', () => {
	it('records dots per voter, several on one card when there is no cap', () => {
		const state = cast(vote(), 'anna', 'a', 'a', 'b');
		expect(votesUsed(state, 'anna')).toBe(3);
		expect(votesUsed(state, 'bo')).toBe(0);
	});

	it('refuses a dot beyond the budget', () => {
		expect(castVote(cast(vote(), 'anna', 'a', 'b', 'c'), { voterId: 'anna', cardId: 'a' })).toEqual({
			ok: false,
			error: 'budget-exhausted'
		});
	});

	it('refuses a dot beyond the per-card cap but allows it on another card', () => {
		const state = cast(vote({ perCardCap: 1 }), 'anna', 'a');
		expect(castVote(state, { voterId: 'anna', cardId: 'a' })).toEqual({ ok: false, error: 'card-cap' });
		expect(castVote(state, { voterId: 'anna', cardId: 'b' }).ok).toBe(true);
	});

	it('refuses cards that are not on the ballot and votes after closing', () => {
		expect(castVote(vote(), { voterId: 'anna', cardId: 'zz' })).toEqual({ ok: false, error: 'unknown-card' });
		expect(castVote(closeVote(vote()), { voterId: 'anna', cardId: 'a' })).toEqual({ ok: false, error: 'vote-closed' });
	});

	it('gives no extra dots after a reload, because the budget is computed from stored votes', () => {
		const stored = cast(vote(), 'anna', 'a', 'b', 'c');
		const reloaded: VoteState = JSON.parse(JSON.stringify(stored));
		expect(castVote(reloaded, { voterId: 'anna', cardId: 'a' })).toEqual({ ok: false, error: 'budget-exhausted' });
	});

	it('never exceeds the budget when many casts arrive at once and are applied in turn', () => {
		let state = vote();
		const outcomes = Array.from({ length: 10 }, (_, i) => {
			const result = castVote(state, { voterId: 'anna', cardId: ['a', 'b', 'c'][i % 3]! });
			if (result.ok) state = result.value;
			return result.ok;
		});
		expect(outcomes.filter(Boolean)).toHaveLength(3);
		expect(votesUsed(state, 'anna')).toBe(3);
	});

	it('never changes the state it is given', () => {
		const state = Object.freeze(vote());
		castVote(state, { voterId: 'anna', cardId: 'a' });
		expect(state.votes).toEqual([]);
	});
});

describe('retractVote', () => {
	it('gives back one dot on the card', () => {
		const state = value(retractVote(cast(vote(), 'anna', 'a', 'a'), { voterId: 'anna', cardId: 'a' }));
		expect(state.votes).toEqual([{ voterId: 'anna', cardId: 'a' }]);
		expect(votesUsed(state, 'anna')).toBe(1);
	});

	it('refuses when the voter has no dot there or the vote is closed', () => {
		expect(retractVote(cast(vote(), 'bo', 'a'), { voterId: 'anna', cardId: 'a' })).toEqual({ ok: false, error: 'no-vote' });
		expect(retractVote(closeVote(cast(vote(), 'anna', 'a')), { voterId: 'anna', cardId: 'a' })).toEqual({
			ok: false,
			error: 'vote-closed'
		});
	});
});

describe('close and reopen', () => {
	it('closes and reopens, returning the same state when nothing changes', () => {
		const closed = closeVote(vote());
		expect(closed.status).toBe('closed');
		expect(closeVote(closed)).toBe(closed);
		expect(reopenVote(closed).status).toBe('open');
	});
});

describe('proxy voters', () => {
	it('give a person without a device their own budget', () => {
		let state = value(addProxyVoter(vote(), { id: 'proxy-1', name: ' Gunnar (papper) ' }));
		expect(state.proxies).toEqual([{ id: 'proxy-1', name: 'Gunnar (papper)' }]);
		expect(isProxyVoter(state, 'proxy-1')).toBe(true);
		state = cast(state, 'proxy-1', 'a', 'b', 'c');
		expect(castVote(state, { voterId: 'proxy-1', cardId: 'a' })).toEqual({ ok: false, error: 'budget-exhausted' });
		expect(votesUsed(state, 'anna')).toBe(0);
	});

	it('refuse an empty name or an id already in use', () => {
		expect(addProxyVoter(vote(), { id: 'x', name: ' ' })).toEqual({ ok: false, error: 'name-empty' });
		expect(addProxyVoter(cast(vote(), 'anna', 'a'), { id: 'anna', name: 'Anna' })).toEqual({
			ok: false,
			error: 'duplicate-voter'
		});
	});

	it('can be removed with their dots', () => {
		const state = cast(value(addProxyVoter(vote(), { id: 'proxy-1', name: 'G' })), 'proxy-1', 'a');
		const removed = value(removeProxyVoter(state, 'proxy-1'));
		expect(removed.proxies).toEqual([]);
		expect(removed.votes).toEqual([]);
		expect(removeProxyVoter(removed, 'proxy-1')).toEqual({ ok: false, error: 'unknown-voter' });
	});
});

describe('syncBallot', () => {
	it('drops dots on cards that left the board and adds new cards in creation order', () => {
		const state = cast(vote(), 'anna', 'a', 'b');
		const synced = syncBallot(state, [
			wish('a'),
			wish('c', '2026-03-01T09:00:00Z'),
			wish('d', '2026-03-01T11:00:00Z'),
			wish('b', undefined, { hidden: true })
		]);
		expect(synced.cardIds).toEqual(['c', 'a', 'd']);
		expect(synced.votes).toEqual([{ voterId: 'anna', cardId: 'a' }]);
		expect(votesUsed(synced, 'anna')).toBe(1);
	});
});

describe('mergeVoteCards', () => {
	it('moves dots from duplicates to the kept card and takes them off the ballot', () => {
		const state = cast(cast(vote(), 'anna', 'b'), 'bo', 'a', 'b');
		const merged = mergeVoteCards(state, { keepId: 'a', mergeIds: ['b'] });
		expect(merged.cardIds).toEqual(['c', 'a']);
		expect(merged.votes).toEqual([
			{ voterId: 'anna', cardId: 'a' },
			{ voterId: 'bo', cardId: 'a' },
			{ voterId: 'bo', cardId: 'a' }
		]);
	});

	it('gives back dots that would exceed the per-card cap', () => {
		const state = cast(vote({ perCardCap: 1 }), 'bo', 'a', 'b');
		const merged = mergeVoteCards(state, { keepId: 'a', mergeIds: ['b'] });
		expect(merged.votes).toEqual([{ voterId: 'bo', cardId: 'a' }]);
		expect(votesUsed(merged, 'bo')).toBe(1);
	});

	it('gives back the duplicates\u2019 dots when the kept card is not on the ballot', () => {
		const merged = mergeVoteCards(cast(vote(), 'bo', 'b', 'c'), { keepId: 'new', mergeIds: ['b'] });
		expect(merged.votes).toEqual([{ voterId: 'bo', cardId: 'c' }]);
		expect(merged.cardIds).toEqual(['c', 'a']);
	});
});
