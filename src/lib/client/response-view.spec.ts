import { describe, expect, it } from 'vitest';
import { initialLiveState, type ControlSnapshot } from '$lib/sync/control';
import { responseView } from './response-view';

const control = (phase: ControlSnapshot['live']['phase'], extra: Partial<ControlSnapshot> = {}): ControlSnapshot => ({
	live: { ...initialLiveState(), phase },
	preparation: null,
	vote: null,
	groups: [],
	moderation: [],
	removedMaps: [],
	spotlight: { kind: 'board' },
	follow: false,
	askOrganisation: false,
	sectors: [],
	surveys: {},
	responses: {},
	followUp: false,
	...extra
});

describe('responseView', () => {
	it('has nothing for a phase that asks no questions', () => {
		expect(responseView(control('onskvard'), 'sv')).toBeNull();
	});

	it('asks the default questions in the reader’s language until the facilitator sets others', () => {
		expect(responseView(control('reflektion'), 'en')?.questions[0]?.prompt).toMatch(/^What do you take with you/);
		const poll = { id: 'tempo', kind: 'choice' as const, prompt: 'Tempot?', choices: ['Lugnt', 'Snabbt'] };
		expect(responseView(control('reflektion', { surveys: { reflektion: [poll] } }), 'en')?.questions).toEqual([poll]);
	});

	it('asks a follow-up whether the first dialogue led to new collaboration initiatives', () => {
		const view = responseView(control('utvardering', { followUp: true }), 'sv');
		expect(view?.questions[0]?.id).toBe('ledde-till-initiativ');
	});
});
