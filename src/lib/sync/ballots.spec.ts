import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeVote, mergeVoteCards, type VoteState } from '$lib/domain/method/dot-vote';
import { readBallot, writeBallot } from './ballots';
import { getBallotState } from './schema';

const opened: VoteState = {
	status: 'open',
	budget: 5,
	perCardCap: null,
	cardIds: ['w1', 'w2', 'w3'],
	votes: [],
	proxies: []
};

const dot = (voterId: string, cardId: string) => ({ voterId, cardId });

/** Bytes of the update one write produces. */
function writeSize(doc: Y.Doc, state: VoteState): number {
	let size = 0;
	const measure = (update: Uint8Array) => (size += update.byteLength);
	doc.on('update', measure);
	writeBallot(doc, state);
	doc.off('update', measure);
	return size;
}

describe('ballots', () => {
	it('reads back what was written, and null before any vote', () => {
		const doc = new Y.Doc();
		expect(readBallot(doc)).toBeNull();
		const state = { ...opened, votes: [dot('p1', 'w1'), dot('p2', 'w3')] };
		writeBallot(doc, state);
		expect(readBallot(doc)).toEqual(state);
	});

	it('stores one more dot as a small update, however many dots the ballot holds', () => {
		const doc = new Y.Doc();
		let state = opened;
		const sizes: number[] = [];
		for (let i = 0; i < 1500; i++) {
			state = { ...state, votes: [...state.votes, dot(`p${i % 300}`, `w${(i % 3) + 1}`)] };
			sizes.push(writeSize(doc, state));
		}
		expect(readBallot(doc)?.votes).toHaveLength(1500);
		expect(Math.max(...sizes.slice(10))).toBeLessThan(100);
	});

	it('takes away a dot from the middle, merges cards and closes, each read back exactly', () => {
		const doc = new Y.Doc();
		let state: VoteState = { ...opened, votes: [dot('p1', 'w1'), dot('p2', 'w2'), dot('p1', 'w3'), dot('p3', 'w2')] };
		writeBallot(doc, state);
		state = { ...state, votes: state.votes.toSpliced(1, 1) };
		writeBallot(doc, state);
		expect(readBallot(doc)).toEqual(state);
		state = mergeVoteCards(state, { keepId: 'w1', mergeIds: ['w3'] });
		writeBallot(doc, state);
		expect(readBallot(doc)).toEqual(state);
		state = closeVote(state);
		writeBallot(doc, state);
		expect(readBallot(doc)).toEqual(state);
	});

	it('a fresh vote replaces the previous ballot', () => {
		const doc = new Y.Doc();
		writeBallot(doc, { ...opened, status: 'closed', votes: [dot('p1', 'w1'), dot('p2', 'w2')] });
		const fresh = { ...opened, cardIds: ['w4'] };
		writeBallot(doc, fresh);
		expect(readBallot(doc)).toEqual(fresh);
	});

	it('reads a ballot stored whole by an earlier version, and rewrites it dot by dot on the next change', () => {
		const doc = new Y.Doc();
		const stored = { ...opened, votes: [dot('p1', 'w2')] };
		getBallotState(doc).set('vote', stored);
		expect(readBallot(doc)).toEqual(stored);
		const next = { ...stored, votes: [...stored.votes, dot('p2', 'w1')] };
		writeBallot(doc, next);
		expect(readBallot(doc)).toEqual(next);
		expect(getBallotState(doc).has('vote')).toBe(false);
	});

	it('survives a round trip through a stored update', () => {
		const doc = new Y.Doc();
		const state = { ...opened, votes: [dot('p1', 'w1'), dot('p1', 'w1')], proxies: [{ id: 'proxy-1', name: 'Kim' }] };
		writeBallot(doc, state);
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		expect(readBallot(copy)).toEqual(state);
	});
});
