import { describe, expect, it } from 'vitest';
import type { Card } from './card';
import { applyCardChanges } from './card-changes';
import {
	compareByCreation,
	removeCard,
	sortByCreation,
	withAvailableData,
	withNextStep,
	withProposedDataOwner,
	withText
} from './card-edits';

function card(id: string, kind: Card['kind'], extra: Partial<Card> = {}): Card {
	return { id, kind, text: `text ${id}`, authorId: 'p1', sector: 'skola', createdAt: '2026-03-01T10:00:00Z', ...extra };
}

describe('creation order', () => {
	it('sorts oldest first and breaks equal times by id', () => {
		const cards = [
			card('b', 'onskvard'),
			card('c', 'onskvard', { createdAt: '2026-03-01T09:00:00Z' }),
			card('a', 'onskvard')
		];
		expect(sortByCreation(cards).map((c) => c.id)).toEqual(['c', 'a', 'b']);
		expect(compareByCreation(cards[0]!, cards[0]!)).toBe(0);
	});
});

describe('withText', () => {
	it('trims new text', () => {
		const result = withText(card('a', 'samverkan'), '  Fritidsgården  ');
		expect(result.ok && result.value.text).toBe('Fritidsgården');
	});

	it('refuses empty and too long text', () => {
		expect(withText(card('a', 'samverkan'), ' ')).toEqual({ ok: false, error: 'empty' });
		expect(withText(card('a', 'samverkan'), 'x'.repeat(281))).toEqual({ ok: false, error: 'too-long' });
	});
});

describe('withAvailableData', () => {
	const board = [card('w1', 'onskvard'), card('t1', 'tillganglig')];

	it('attaches normalised details to an available-data card', () => {
		const result = withAvailableData(
			board[1]!,
			{ wishIds: ['w1', 'w1'], source: ' SCB ', level: 'nationell', uses: ['utforska'] },
			board
		);
		expect(result.ok && result.value.available).toEqual({
			wishIds: ['w1'],
			source: 'SCB',
			level: 'nationell',
			uses: ['utforska']
		});
	});

	it('refuses details on another kind of card', () => {
		const data = { wishIds: ['w1'], source: 'SCB', level: 'nationell' as const, uses: ['utforska' as const] };
		expect(withAvailableData(board[0]!, data, board)).toEqual({ ok: false, error: 'wrong-kind' });
	});

	it('returns the first problem of invalid details', () => {
		const data = { wishIds: ['w1'], source: 'SCB', level: 'nationell' as const, uses: [], url: 'javascript:x' };
		expect(withAvailableData(board[1]!, data, board)).toEqual({ ok: false, error: 'no-use' });
	});
});

describe('withNextStep', () => {
	it('attaches a trimmed next step', () => {
		const result = withNextStep(card('n1', 'nasta-steg'), { prompt: 'boka-mote', owner: ' Rektor ', due: '2026-05-01' });
		expect(result.ok && result.value.nextStep).toEqual({ prompt: 'boka-mote', owner: 'Rektor', due: '2026-05-01' });
	});

	it('refuses a next step on a wish and an invalid step', () => {
		expect(withNextStep(card('w1', 'onskvard'), { prompt: 'boka-mote', owner: 'A' })).toEqual({
			ok: false,
			error: 'wrong-kind'
		});
		expect(withNextStep(card('n1', 'nasta-steg'), { prompt: 'boka-mote', owner: '' })).toEqual({
			ok: false,
			error: 'owner-empty'
		});
	});
});

describe('withProposedDataOwner', () => {
	it('records and clears who could produce the data for a wish', () => {
		const set = withProposedDataOwner(card('w1', 'onskvard'), ' Kultur- och fritidsförvaltningen ');
		expect(set.ok && set.value.proposedDataOwner).toBe('Kultur- och fritidsförvaltningen');
		const cleared = set.ok ? withProposedDataOwner(set.value, ' ') : set;
		expect(cleared.ok && 'proposedDataOwner' in cleared.value).toBe(false);
	});

	it('only applies to wishes', () => {
		expect(withProposedDataOwner(card('t1', 'tillganglig'), 'SCB')).toEqual({ ok: false, error: 'wrong-kind' });
		expect(withProposedDataOwner(card('w1', 'onskvard'), 'x'.repeat(121))).toEqual({
			ok: false,
			error: 'owner-too-long'
		});
	});
});

describe('removeCard', () => {
	it('removes the card and the links that pointed at it', () => {
		const available = { source: 'SCB', level: 'nationell' as const, uses: ['utforska' as const] };
		const cards = [
			card('w1', 'onskvard'),
			card('w2', 'onskvard'),
			card('t1', 'tillganglig', { available: { ...available, wishIds: ['w1', 'w2'] } }),
			card('t2', 'tillganglig', { available: { ...available, wishIds: ['w2'] } })
		];
		const changes = removeCard(cards, 'w1');
		expect(changes.removedIds).toEqual(['w1']);
		expect(changes.updated.map((c) => c.id)).toEqual(['t1']);
		const after = applyCardChanges(cards, changes);
		expect(after.map((c) => c.id)).toEqual(['w2', 't1', 't2']);
		expect(after[1]!.available?.wishIds).toEqual(['w2']);
	});

	it('changes nothing for an unknown id', () => {
		expect(removeCard([card('w1', 'onskvard')], 'nope')).toEqual({ updated: [], removedIds: [] });
	});

	it('never changes the cards it is given', () => {
		const linked = Object.freeze(
			card('t1', 'tillganglig', { available: { wishIds: ['w1'], source: 'SCB', level: 'nationell', uses: ['utforska'] } })
		);
		removeCard([card('w1', 'onskvard'), linked], 'w1');
		expect(linked.available?.wishIds).toEqual(['w1']);
	});
});
