import { describe, expect, it } from 'vitest';
import { planningHints } from './planning-hints';

describe('planningHints', () => {
	it('warns when a first dialogue expects 10 or more people', () => {
		expect(planningHints({ expectedParticipants: 10, firstDialogue: true })).toEqual(['first-dialogue-too-large']);
		expect(planningHints({ expectedParticipants: 14, firstDialogue: true })).toEqual(['first-dialogue-too-large']);
	});

	it('does not warn for a first dialogue under 10 people', () => {
		expect(planningHints({ expectedParticipants: 9, firstDialogue: true })).toEqual([]);
	});

	it('does not warn about size for later dialogues', () => {
		expect(planningHints({ expectedParticipants: 25, firstDialogue: false })).toEqual([]);
	});

	it('warns when everyone invited comes from one sector', () => {
		expect(planningHints({ expectedParticipants: 6, firstDialogue: true, invitedSectors: ['skola', 'skola'] })).toEqual([
			'single-perspective'
		]);
	});

	it('does not warn about sectors that are not yet known or are mixed', () => {
		expect(planningHints({ expectedParticipants: 6, firstDialogue: true, invitedSectors: [] })).toEqual([]);
		expect(planningHints({ expectedParticipants: 6, firstDialogue: true, invitedSectors: ['skola', 'polis'] })).toEqual([]);
	});
});
