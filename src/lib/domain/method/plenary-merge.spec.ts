import { describe, expect, it } from 'vitest';
import type { Card } from '../cards/card';
import { mergeGroupCanvases } from './plenary-merge';

function card(id: string, minute: number, extra: Partial<Card> = {}): Card {
	const createdAt = `2026-03-01T10:0${minute}:00Z`;
	return { id, kind: 'onskvard', text: id, authorId: 'p1', sector: 'skola', createdAt, ...extra };
}

describe('mergeGroupCanvases', () => {
	it('joins the groups\u2019 cards in creation order, each marked with its group', () => {
		const merged = mergeGroupCanvases([
			{ groupId: 'grupp-1', cards: [card('a', 1), card('c', 3)] },
			{ groupId: 'grupp-2', cards: [card('b', 2)] }
		]);
		expect(merged.map((c) => [c.id, c.groupId])).toEqual([
			['a', 'grupp-1'],
			['b', 'grupp-2'],
			['c', 'grupp-1']
		]);
	});

	it('renames a clashing id in the later group and keeps that group\u2019s links pointing right', () => {
		const available = { source: 'SCB', level: 'nationell' as const, uses: ['utforska' as const] };
		const merged = mergeGroupCanvases([
			{ groupId: 'grupp-1', cards: [card('w', 1)] },
			{
				groupId: 'grupp-2',
				cards: [card('w', 2), card('t', 3, { kind: 'tillganglig', available: { ...available, wishIds: ['w'] } })]
			}
		]);
		expect(merged.map((c) => c.id)).toEqual(['w', 'grupp-2-w', 't']);
		expect(merged[2]!.available!.wishIds).toEqual(['grupp-2-w']);
	});

	it('never changes the group canvases it is given', () => {
		const original = Object.freeze(card('a', 1));
		mergeGroupCanvases([{ groupId: 'grupp-1', cards: [original] }]);
		expect(original.groupId).toBeUndefined();
	});
});
