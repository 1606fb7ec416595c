import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/domain/cards/card';
import { createVote, castVote, closeVote, type VoteState } from '$lib/domain/method/dot-vote';
import { voteView } from '$lib/domain/method/vote-tally';
import { translator } from '$lib/i18n/messages';
import { rankText, rankedWishes } from './ranking';

const card = (id: string, minute: number): Card => ({
	id,
	kind: 'onskvard',
	text: id,
	authorId: 'p1',
	sector: 'skola',
	createdAt: `2026-03-01T10:0${minute}:00Z`
});

describe('the ranked wish list', () => {
	const wishes = [card('a', 1), card('b', 2), card('c', 3)];
	let state: VoteState = (createVote({ cards: wishes, budget: 5 }) as { ok: true; value: VoteState }).value;
	for (const [voterId, cardId] of [
		['p1', 'b'],
		['p1', 'b'],
		['p1', 'a'],
		['p2', 'c']
	] as const) {
		const next = castVote(state, { voterId, cardId });
		if (next.ok) state = next.value;
	}
	const { own: _own, proxies: _proxies, ...vote } = voteView(closeVote(state), { role: 'facilitator' });
	const late = card('late', 4);

	it('shows rank numbers and marks ties: equal dot counts share a rank', () => {
		const rows = rankedWishes([...wishes, late], vote);
		const sv = translator('sv');
		const t = (key: string, values: { rank: number }) => sv(key, values);
		expect(rows.map((row) => [row.card.id, row.votes, rankText(row, t)])).toEqual([
			['b', 2, '1'],
			['a', 1, '2 (delad)'],
			['c', 1, '2 (delad)'],
			['late', null, '']
		]);
		const en = translator('en');
		expect(rankText(rows[1]!, (key, values) => en(key, values))).toBe('2 (tied)');
	});
});

describe('dot messages', () => {
	it('say 1 prick in the singular and name the cap', () => {
		const sv = translator('sv');
		expect(sv('method.vote.left', { count: 1 })).toBe('1 prick kvar');
		expect(sv('method.vote.left', { count: 2 })).toBe('2 prickar kvar');
		expect(sv('method.vote.left', { count: 0 })).toBe('0 prickar kvar');
		expect(sv('method.vote.capInfo', { count: 2 })).toBe('Högst 2 prickar per kort');
		expect(sv('method.vote.capInfo', { count: 1 })).toBe('Högst 1 prick per kort');
		expect(sv('method.vote.proxyDots', { name: 'Rut' })).toBe('Prickar för Rut');
		expect(translator('en')('method.vote.left', { count: 1 })).toBe('1 dot left');
	});
});
