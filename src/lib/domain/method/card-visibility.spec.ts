import { describe, expect, it } from 'vitest';
import type { Card } from '../cards/card';
import { visibleCards } from './card-visibility';
import { createLiveState, setPhaseRules, setRevealed, type LiveState } from './live-state';

function card(id: string, kind: Card['kind'], authorId: string, extra: Partial<Card> = {}): Card {
	return { id, kind, text: id, authorId, sector: 'skola', createdAt: '2026-03-01T10:00:00Z', ...extra };
}

function live(): LiveState {
	const created = createLiveState({ agenda: [{ phase: 'onskvard' }] });
	if (!created.ok) throw new Error(created.error);
	return created.value;
}

/** Whether `viewer` sees `card` on a board that holds only that card. */
function canSeeCard(options: { viewer: Parameters<typeof visibleCards>[0]['viewer']; card: Card; phases: LiveState['phases'] }): boolean {
	return visibleCards({ viewer: options.viewer, cards: [options.card], phases: options.phases }).length === 1;
}

const anna = { role: 'participant' as const, participantId: 'anna' };
const facilitator = { role: 'facilitator' as const };

describe('who sees a card', () => {
	it('hides others\u2019 privately written wishes until the phase is revealed', () => {
		const wish = card('w1', 'onskvard', 'bo');
		expect(canSeeCard({ viewer: anna, card: wish, phases: live().phases })).toBe(false);
		expect(canSeeCard({ viewer: anna, card: wish, phases: setRevealed(live(), 'onskvard', true).phases })).toBe(true);
	});

	it('always shows authors their own cards', () => {
		expect(canSeeCard({ viewer: anna, card: card('w1', 'onskvard', 'anna'), phases: live().phases })).toBe(true);
	});

	it('shows cards of phases without private writing to everyone', () => {
		expect(canSeeCard({ viewer: anna, card: card('s1', 'samverkan', 'bo'), phases: live().phases })).toBe(true);
		const open = setPhaseRules(live(), 'onskvard', { privateWriting: false });
		expect(canSeeCard({ viewer: anna, card: card('w1', 'onskvard', 'bo'), phases: open.phases })).toBe(true);
	});

	it('hides moderated cards from every participant, the author included', () => {
		const hidden = card('s1', 'samverkan', 'anna', { hidden: true });
		expect(canSeeCard({ viewer: anna, card: hidden, phases: live().phases })).toBe(false);
	});

	it('shows the facilitator everything, to moderate', () => {
		const phases = live().phases;
		expect(canSeeCard({ viewer: facilitator, card: card('w1', 'onskvard', 'bo'), phases })).toBe(true);
		expect(canSeeCard({ viewer: facilitator, card: card('s1', 'samverkan', 'bo', { hidden: true }), phases })).toBe(true);
	});

	it('accepts a full server actor as viewer', () => {
		const actor = { role: 'participant' as const, workshopId: 'w', participantId: 'anna' };
		expect(canSeeCard({ viewer: actor, card: card('w1', 'onskvard', 'anna'), phases: live().phases })).toBe(true);
	});
});

describe('visibleCards', () => {
	it('filters a board for one viewer, keeping the order', () => {
		const cards = [
			card('s1', 'samverkan', 'bo'),
			card('w1', 'onskvard', 'bo'),
			card('w2', 'onskvard', 'anna'),
			card('s2', 'samverkan', 'bo', { hidden: true })
		];
		expect(visibleCards({ viewer: anna, cards, phases: live().phases }).map((c) => c.id)).toEqual(['s1', 'w2']);
	});
});
