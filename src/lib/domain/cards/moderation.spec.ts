import { describe, expect, it } from 'vitest';
import type { Card } from './card';
import { hideCard, unhideCard } from './moderation';

const card: Card = {
	id: 'c1',
	kind: 'onskvard',
	text: 'Olämplig text',
	authorId: 'p1',
	sector: 'fritid',
	createdAt: '2026-03-01T10:00:00Z'
};

describe('hideCard', () => {
	it('flags the card hidden and returns a log entry with the text as it was', () => {
		const result = hideCard(card, { at: '2026-03-01T10:05:00Z', reason: ' personuppgifter ' });
		expect(result).toEqual({
			ok: true,
			value: {
				card: { ...card, hidden: true },
				entry: {
					cardId: 'c1',
					action: 'hide',
					at: '2026-03-01T10:05:00Z',
					text: 'Olämplig text',
					sector: 'fritid',
					reason: 'personuppgifter'
				}
			}
		});
	});

	it('leaves the reason out when none is given', () => {
		const result = hideCard(card, { at: 't' });
		expect(result.ok && 'reason' in result.value.entry).toBe(false);
	});

	it('refuses to hide a hidden card twice', () => {
		expect(hideCard({ ...card, hidden: true }, { at: 't' })).toEqual({ ok: false, error: 'already-hidden' });
	});
});

describe('unhideCard', () => {
	it('shows the card again and logs that too', () => {
		const result = unhideCard({ ...card, hidden: true }, { at: 't2' });
		expect(result.ok && result.value.card).toEqual(card);
		expect(result.ok && result.value.entry.action).toBe('unhide');
	});

	it('refuses a card that is not hidden', () => {
		expect(unhideCard(card, { at: 't' })).toEqual({ ok: false, error: 'not-hidden' });
	});
});
