import { describe, expect, it } from 'vitest';
import type { Card } from '../cards/card';
import { addProxyVoter, createVote, type VoteState } from './dot-vote';
import { createLiveState, goToPhase, setPhaseRules, type LiveState } from './live-state';
import { canPerform, denyReason, type MethodAction } from './permissions';

function live(): LiveState {
	const created = createLiveState({
		agenda: [{ phase: 'samverkan' }, { phase: 'onskvard' }, { phase: 'prioritera' }, { phase: 'tillganglig' }]
	});
	if (!created.ok) throw new Error(created.error);
	return goToPhase(created.value, 'onskvard');
}

function vote(): VoteState {
	const created = createVote({ cards: [] });
	if (!created.ok) throw new Error(created.error);
	const withProxy = addProxyVoter(created.value, { id: 'proxy-1', name: 'Gunnar' });
	if (!withProxy.ok) throw new Error(withProxy.error);
	return withProxy.value;
}

function card(authorId: string, extra: Partial<Card> = {}): Card {
	return { id: 'c1', kind: 'onskvard', text: 'x', authorId, sector: 'skola', createdAt: '2026-03-01T10:00:00Z', ...extra };
}

const anna = { role: 'participant' as const, participantId: 'anna' };
const facilitator = { role: 'facilitator' as const };
const state = { live: live(), vote: vote() };

const steering: MethodAction[] = [
	{ type: 'change-phase' },
	{ type: 'edit-agenda' },
	{ type: 'set-phase-rules' },
	{ type: 'reveal' },
	{ type: 'control-timer' },
	{ type: 'summon' },
	{ type: 'edit-preparation' },
	{ type: 'hide-card' },
	{ type: 'merge-cards' },
	{ type: 'manage-vote' },
	{ type: 'manage-proxies' },
	{ type: 'arrange-groups' },
	{ type: 'steer-projector' }
];

describe('facilitator-only actions', () => {
	it('are refused to every participant', () => {
		for (const action of steering) expect(denyReason(anna, action, state), action.type).toBe('facilitator-only');
	});

	it('are allowed to the facilitator', () => {
		for (const action of steering) expect(canPerform(facilitator, action, state), action.type).toBe(true);
	});

	it('are refused to a participant even with a full server actor', () => {
		const actor = { role: 'participant' as const, workshopId: 'w1', participantId: 'anna' };
		expect(canPerform(actor, { type: 'change-phase' }, state)).toBe(false);
	});
});

describe('cards', () => {
	it('lets participants add cards in the current and earlier phases', () => {
		expect(canPerform(anna, { type: 'add-card', kind: 'onskvard' }, state)).toBe(true);
		expect(canPerform(anna, { type: 'add-card', kind: 'samverkan' }, state)).toBe(true);
	});

	it('does not let participants write ahead of the workshop', () => {
		expect(denyReason(anna, { type: 'add-card', kind: 'nasta-steg' }, state)).toBe('phase-not-reached');
	});

	it('refuses participants\u2019 cards in a locked phase or one where only the facilitator adds', () => {
		const locked = { live: setPhaseRules(live(), 'onskvard', { locked: true }) };
		expect(denyReason(anna, { type: 'add-card', kind: 'onskvard' }, locked)).toBe('phase-locked');
		const scribe = { live: setPhaseRules(live(), 'onskvard', { whoMayAdd: 'facilitator' }) };
		expect(denyReason(anna, { type: 'add-card', kind: 'onskvard' }, scribe)).toBe('facilitator-adds');
		expect(canPerform(facilitator, { type: 'add-card', kind: 'onskvard' }, locked)).toBe(true);
	});

	it('lets authors edit and delete their own cards but nobody else\u2019s', () => {
		expect(canPerform(anna, { type: 'edit-card', card: card('anna') }, state)).toBe(true);
		expect(canPerform(anna, { type: 'delete-card', card: card('anna') }, state)).toBe(true);
		expect(denyReason(anna, { type: 'edit-card', card: card('bo') }, state)).toBe('not-author');
		expect(denyReason(anna, { type: 'delete-card', card: card('bo') }, state)).toBe('not-author');
		expect(denyReason(anna, { type: 'edit-card', card: card('facilitator') }, state)).toBe('not-author');
	});

	it('refuses authors\u2019 edits to hidden cards and in locked phases', () => {
		expect(denyReason(anna, { type: 'edit-card', card: card('anna', { hidden: true }) }, state)).toBe('card-hidden');
		const locked = { live: setPhaseRules(live(), 'onskvard', { locked: true }) };
		expect(denyReason(anna, { type: 'delete-card', card: card('anna') }, locked)).toBe('phase-locked');
	});

	it('lets the facilitator edit and delete any card', () => {
		expect(canPerform(facilitator, { type: 'edit-card', card: card('bo') }, state)).toBe(true);
		expect(canPerform(facilitator, { type: 'delete-card', card: card('bo', { hidden: true }) }, state)).toBe(true);
	});

	it('lets participants propose a data owner once available data is being searched', () => {
		const action: MethodAction = { type: 'propose-data-owner', card: card('bo') };
		expect(denyReason(anna, action, state)).toBe('phase-not-reached');
		const searching = { live: goToPhase(live(), 'tillganglig') };
		expect(canPerform(anna, action, searching)).toBe(true);
		const locked = { live: setPhaseRules(searching.live, 'tillganglig', { locked: true }) };
		expect(denyReason(anna, action, locked)).toBe('phase-locked');
		expect(denyReason(anna, { type: 'propose-data-owner', card: card('bo', { hidden: true }) }, searching)).toBe('card-hidden');
	});
});

describe('voting', () => {
	it('lets participants cast only their own dots', () => {
		expect(canPerform(anna, { type: 'cast-vote', voterId: 'anna' }, state)).toBe(true);
		expect(denyReason(anna, { type: 'cast-vote', voterId: 'bo' }, state)).toBe('not-yourself');
		expect(denyReason(anna, { type: 'cast-vote', voterId: 'proxy-1' }, state)).toBe('not-yourself');
	});

	it('lets the facilitator cast dots only for registered proxy voters', () => {
		expect(canPerform(facilitator, { type: 'cast-vote', voterId: 'proxy-1' }, state)).toBe(true);
		expect(denyReason(facilitator, { type: 'cast-vote', voterId: 'anna' }, state)).toBe('not-proxy');
	});

	it('refuses casting when there is no vote', () => {
		expect(denyReason(anna, { type: 'cast-vote', voterId: 'anna' }, { live: live() })).toBe('no-vote');
	});
});

describe('readiness and groups', () => {
	it('lets participants mark only themselves ready and join groups only themselves', () => {
		expect(canPerform(anna, { type: 'mark-ready', participantId: 'anna' }, state)).toBe(true);
		expect(denyReason(anna, { type: 'mark-ready', participantId: 'bo' }, state)).toBe('not-yourself');
		expect(canPerform(anna, { type: 'join-group', participantId: 'anna' }, state)).toBe(true);
		expect(denyReason(anna, { type: 'join-group', participantId: 'bo' }, state)).toBe('not-yourself');
	});

	it('lets the facilitator move anyone', () => {
		expect(canPerform(facilitator, { type: 'join-group', participantId: 'bo' }, state)).toBe(true);
	});
});

describe('locking the current phase', () => {
	it('locks the whole board for participants, as in the read-only summary', () => {
		const created = createLiveState({ agenda: [{ phase: 'samverkan' }, { phase: 'sammanfattning' }] });
		if (!created.ok) throw new Error('agenda');
		const summary = goToPhase(created.value, 'sammanfattning');
		const actor = { role: 'participant', participantId: 'p1' } as const;
		const card = { id: 'c', kind: 'samverkan', text: 't', authorId: 'p1', sector: 'skola', createdAt: '' } as const;
		expect(denyReason(actor, { type: 'add-card', kind: 'samverkan' }, { live: summary })).toBe('phase-locked');
		expect(denyReason(actor, { type: 'edit-card', card }, { live: summary })).toBe('phase-locked');
		expect(denyReason({ role: 'facilitator' }, { type: 'add-card', kind: 'samverkan' }, { live: summary })).toBeNull();
	});
});

describe('answering a reflection, a poll or the evaluation', () => {
	const inReflection = goToPhase(state.live, 'reflektion');

	it('lets a participant answer while the workshop is in that phase', () => {
		expect(denyReason(anna, { type: 'answer', phase: 'reflektion' }, { live: inReflection })).toBeNull();
	});

	it('refuses answers to a phase that is not open', () => {
		expect(denyReason(anna, { type: 'answer', phase: 'utvardering' }, { live: inReflection })).toBe('phase-closed');
	});

	it('leaves answering to participants: the facilitator sees only the summaries', () => {
		expect(denyReason(facilitator, { type: 'answer', phase: 'reflektion' }, { live: inReflection })).toBe('participants-answer');
	});

	it('lets only the facilitator set the questions', () => {
		expect(denyReason(anna, { type: 'set-questions' }, state)).toBe('facilitator-only');
		expect(canPerform(facilitator, { type: 'set-questions' }, state)).toBe(true);
	});
});
