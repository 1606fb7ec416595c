import { describe, expect, it } from 'vitest';
import type { Card } from './card';
import { applyCardChanges } from './card-changes';

function card(id: string, text = id): Card {
	return { id, kind: 'samverkan', text, authorId: 'p1', sector: 'polis', createdAt: '2026-03-01T10:00:00Z' };
}

describe('applyCardChanges', () => {
	it('replaces updated cards and drops removed ones, keeping the original order', () => {
		const cards = [card('a'), card('b'), card('c')];
		expect(applyCardChanges(cards, { updated: [card('c', 'new')], removedIds: ['a'] })).toEqual([card('b'), card('c', 'new')]);
	});
});
