import { describe, expect, it } from 'vitest';
import type { Agenda } from './agenda';
import {
	createLiveState,
	DEFAULT_PHASE_RULES,
	goToPhase,
	markReady,
	readiness,
	setAgenda,
	setPhaseRules,
	withEveryPhase,
	setRevealed,
	setSummoned,
	setTimer,
	unmarkReady,
	type LiveState
} from './live-state';
import { startTimer } from './timer';

const agenda: Agenda = [{ phase: 'valj-fraga', minutes: 5 }, { phase: 'onskvard', minutes: 15 }, { phase: 'tillganglig' }];

function live(): LiveState {
	const created = createLiveState({ agenda });
	if (!created.ok) throw new Error(created.error);
	return created.value;
}

describe('createLiveState', () => {
	it('starts at the first agenda phase with its timebox, nobody ready and nobody summoned', () => {
		const state = live();
		expect(state.phase).toBe('valj-fraga');
		expect(state.timer).toEqual({ durationMs: 5 * 60_000, elapsedMs: 0, runningSince: null });
		expect(state.readyIds).toEqual([]);
		expect(state.summoned).toBe(false);
	});

	it('uses the default rules, with wishes written privately and nothing revealed', () => {
		const state = live();
		expect(state.phases.onskvard).toEqual({ ...DEFAULT_PHASE_RULES.onskvard, revealed: false });
		expect(state.phases.onskvard.privateWriting).toBe(true);
		expect(state.phases.samverkan.privateWriting).toBe(false);
	});

	it('applies rule overrides per phase from a template', () => {
		const created = createLiveState({ agenda, rules: { samverkan: { whoMayAdd: 'facilitator' } } });
		expect(created.ok && created.value.phases.samverkan).toEqual({
			whoMayAdd: 'facilitator',
			privateWriting: false,
			locked: false,
			revealed: false
		});
	});

	it('refuses an invalid agenda', () => {
		expect(createLiveState({ agenda: [] })).toEqual({ ok: false, error: 'empty' });
	});
});

describe('goToPhase', () => {
	it('moves to any phase, also one outside the agenda and backwards', () => {
		const forward = goToPhase(live(), 'nasta-steg');
		expect(forward.phase).toBe('nasta-steg');
		expect(goToPhase(forward, 'valj-fraga').phase).toBe('valj-fraga');
	});

	it('resets readiness and sets the new phase timer, stopped', () => {
		const ready = markReady(setTimer(live(), startTimer(live().timer!, 0)), 'p1');
		const moved = goToPhase(ready, 'onskvard');
		expect(moved.readyIds).toEqual([]);
		expect(moved.timer).toEqual({ durationMs: 15 * 60_000, elapsedMs: 0, runningSince: null });
	});

	it('drops the timer for a phase without a timebox', () => {
		expect(goToPhase(live(), 'tillganglig').timer).toBeNull();
	});

	it('keeps rules and reveal state of every phase when going back and forth', () => {
		let state = setRevealed(setPhaseRules(live(), 'onskvard', { locked: true }), 'onskvard', true);
		state = goToPhase(goToPhase(state, 'tillganglig'), 'onskvard');
		expect(state.phases.onskvard).toMatchObject({ locked: true, revealed: true });
	});

	it('changes nothing when asked to move to the current phase', () => {
		const state = markReady(live(), 'p1');
		expect(goToPhase(state, 'valj-fraga')).toBe(state);
	});

	it('never changes the state it is given', () => {
		const state = Object.freeze(live());
		goToPhase(state, 'onskvard');
		expect(state.phase).toBe('valj-fraga');
	});
});

describe('phase rules and reveal', () => {
	it('changes only the named phase and only the given rules', () => {
		const state = setPhaseRules(live(), 'samverkan', { locked: true });
		expect(state.phases.samverkan).toMatchObject({ locked: true, whoMayAdd: 'alla' });
		expect(state.phases.onskvard.locked).toBe(false);
	});

	it('reveals and hides again', () => {
		const revealed = setRevealed(live(), 'onskvard', true);
		expect(revealed.phases.onskvard.revealed).toBe(true);
		expect(setRevealed(revealed, 'onskvard', false).phases.onskvard.revealed).toBe(false);
	});
});

describe('readiness', () => {
	it('records each participant once and keeps the ids sorted', () => {
		const state = markReady(markReady(markReady(live(), 'p2'), 'p1'), 'p2');
		expect(state.readyIds).toEqual(['p1', 'p2']);
	});

	it('takes back readiness', () => {
		const state = unmarkReady(markReady(live(), 'p1'), 'p1');
		expect(state.readyIds).toEqual([]);
		expect(unmarkReady(state, 'p1')).toBe(state);
	});

	it('counts only people who are present', () => {
		const state = markReady(markReady(live(), 'p1'), 'gone');
		expect(readiness(state, ['p1', 'p2', 'p3'])).toEqual({ ready: 1, present: 3 });
	});
});

describe('agenda and summon', () => {
	it('replaces the agenda but keeps the current phase', () => {
		const result = setAgenda(goToPhase(live(), 'onskvard'), [{ phase: 'samverkan' }]);
		expect(result.ok && result.value.phase).toBe('onskvard');
		expect(result.ok && result.value.agenda).toEqual([{ phase: 'samverkan' }]);
	});

	it('refuses an invalid agenda', () => {
		expect(setAgenda(live(), [{ phase: 'onskvard' }, { phase: 'onskvard' }])).toEqual({
			ok: false,
			error: 'duplicate-phase'
		});
	});

	it('summons everyone to plenary and releases them', () => {
		const summoned = setSummoned(live(), true);
		expect(summoned.summoned).toBe(true);
		expect(setSummoned(summoned, true)).toBe(summoned);
		expect(setSummoned(summoned, false).summoned).toBe(false);
	});
});

describe('withEveryPhase', () => {
	it('gives a state stored before the reflections existed their default settings and keeps the stored ones', () => {
		const created = createLiveState({ agenda: [{ phase: 'samverkan' }] });
		if (!created.ok) throw new Error(created.error);
		const locked = setPhaseRules(created.value, 'samverkan', { locked: true });
		const older: Partial<typeof locked.phases> = { ...locked.phases };
		delete older.reflektion;
		delete older.systemkarta;
		const restored = withEveryPhase({ ...locked, phases: older as typeof locked.phases });
		expect(restored.phases.reflektion).toEqual({ whoMayAdd: 'alla', privateWriting: false, locked: false, revealed: false });
		expect(restored.phases.systemkarta).toEqual({ ...DEFAULT_PHASE_RULES.systemkarta, revealed: false });
		expect(restored.phases.samverkan.locked).toBe(true);
		expect(withEveryPhase(locked)).toBe(locked);
	});
});
