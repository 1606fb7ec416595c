import { checkAgenda, timeboxOf, type Agenda, type AgendaProblem } from './agenda';
import { PHASES, type Phase } from './phases';
import { err, ok, type Result } from './result';
import { createTimer, type Timer } from './timer';

export const ADD_CARD_POLICIES = ['alla', 'facilitator'] as const;
/** Who may add cards in a phase: everyone, or only the facilitator (e.g. when scribing). */
export type AddCardPolicy = (typeof ADD_CARD_POLICIES)[number];

/** What the facilitator can change per phase. */
export interface PhaseRules {
	whoMayAdd: AddCardPolicy;
	/**
	 * Cards are seen only by their author (and the facilitator) until the phase is
	 * revealed, so early voices do not anchor everyone else's wishes.
	 */
	privateWriting: boolean;
	/** Nobody but the facilitator adds, edits or deletes cards in this phase. */
	locked: boolean;
}

export interface PhaseSettings extends PhaseRules {
	/** Only meaningful with `privateWriting`: the facilitator has shown everyone's cards. */
	revealed: boolean;
}

/**
 * The shared, facilitator-controlled state of a running workshop. Cards, votes and
 * groups live elsewhere, so moving between phases never touches what people wrote.
 */
export interface LiveState {
	phase: Phase;
	agenda: Agenda;
	phases: Record<Phase, PhaseSettings>;
	/** Null when the current phase has no timebox and the facilitator set none. */
	timer: Timer | null;
	/** Participants who pressed "Jag är klar" in the current phase, sorted. */
	readyIds: readonly string[];
	/** Everyone is asked back to the shared (plenary) view, e.g. from group work. */
	summoned: boolean;
}

/**
 * Rules a new workshop starts with: wishes are written privately first, because the
 * seed's wish list is meant to be broad ("fortsatt otydlig") before it is discussed;
 * the summary is read-only.
 */
export const DEFAULT_PHASE_RULES: Readonly<Record<Phase, PhaseRules>> = {
	'reflektion-start': { whoMayAdd: 'alla', privateWriting: false, locked: false },
	'valj-fraga': { whoMayAdd: 'alla', privateWriting: false, locked: false },
	systemkarta: { whoMayAdd: 'alla', privateWriting: false, locked: false },
	samverkan: { whoMayAdd: 'alla', privateWriting: false, locked: false },
	onskvard: { whoMayAdd: 'alla', privateWriting: true, locked: false },
	prioritera: { whoMayAdd: 'alla', privateWriting: false, locked: false },
	tillganglig: { whoMayAdd: 'alla', privateWriting: false, locked: false },
	visualisera: { whoMayAdd: 'alla', privateWriting: false, locked: false },
	testa: { whoMayAdd: 'alla', privateWriting: false, locked: false },
	'nasta-steg': { whoMayAdd: 'alla', privateWriting: false, locked: false },
	reflektion: { whoMayAdd: 'alla', privateWriting: false, locked: false },
	utvardering: { whoMayAdd: 'alla', privateWriting: false, locked: false },
	sammanfattning: { whoMayAdd: 'facilitator', privateWriting: false, locked: true }
};

/**
 * A workshop at the first phase of its agenda, with default rules overridden per
 * phase by `rules` (e.g. from a template). Fails on an invalid agenda.
 */
export function createLiveState(options: {
	agenda: Agenda;
	rules?: Partial<Record<Phase, Partial<PhaseRules>>>;
}): Result<LiveState, AgendaProblem> {
	const { agenda, rules = {} } = options;
	const problem = checkAgenda(agenda)[0];
	if (problem) return err(problem);
	const first = agenda[0]!.phase;
	const phases = Object.fromEntries(
		PHASES.map((phase) => [phase, { ...DEFAULT_PHASE_RULES[phase], ...rules[phase], revealed: false }])
	) as Record<Phase, PhaseSettings>;
	const timer = timerFor(agenda, first);
	return ok({ phase: first, agenda, phases, timer, readyIds: [], summoned: false });
}

/**
 * Moves to any phase, forward or back, as the facilitator decides (a soft machine:
 * no transition is forbidden). Readiness starts over and the timer is set, stopped,
 * to the new phase's timebox. Moving to the current phase changes nothing, so a
 * double click does not wipe who is ready.
 */
export function goToPhase(state: LiveState, phase: Phase): LiveState {
	if (phase === state.phase) return state;
	return { ...state, phase, timer: timerFor(state.agenda, phase), readyIds: [] };
}

/** Replaces the agenda; the current phase stays, even if the new agenda leaves it out. */
export function setAgenda(state: LiveState, agenda: Agenda): Result<LiveState, AgendaProblem> {
	const problem = checkAgenda(agenda)[0];
	if (problem) return err(problem);
	return ok({ ...state, agenda });
}

export function setPhaseRules(state: LiveState, phase: Phase, patch: Partial<PhaseRules>): LiveState {
	return { ...state, phases: { ...state.phases, [phase]: { ...state.phases[phase], ...patch } } };
}

/** Shows (or hides again) everyone's privately written cards of a phase. */
export function setRevealed(state: LiveState, phase: Phase, revealed: boolean): LiveState {
	return { ...state, phases: { ...state.phases, [phase]: { ...state.phases[phase], revealed } } };
}

/** Replaces the timer, e.g. with the result of `startTimer(state.timer, now)`. */
export function setTimer(state: LiveState, timer: Timer | null): LiveState {
	return { ...state, timer };
}

/** Records "Jag är klar" for a participant; idempotent. */
export function markReady(state: LiveState, participantId: string): LiveState {
	if (state.readyIds.includes(participantId)) return state;
	return { ...state, readyIds: [...state.readyIds, participantId].sort() };
}

/** Takes back "Jag är klar"; idempotent. */
export function unmarkReady(state: LiveState, participantId: string): LiveState {
	if (!state.readyIds.includes(participantId)) return state;
	return { ...state, readyIds: state.readyIds.filter((id) => id !== participantId) };
}

/**
 * How many of the people present are ready. Only ids in `presentIds` count, so someone
 * who pressed "klar" and then left does not make the room look done.
 */
export function readiness(state: LiveState, presentIds: readonly string[]): { ready: number; present: number } {
	const present = new Set(presentIds);
	return { ready: state.readyIds.filter((id) => present.has(id)).length, present: present.size };
}

/**
 * A state stored before some phases existed (the system map, the test in dialogue, the
 * reflections and the evaluation were added later) gets those phases' default settings,
 * so rules can read any phase.
 */
export function withEveryPhase(state: LiveState): LiveState {
	if (PHASES.every((phase) => state.phases[phase])) return state;
	const phases = Object.fromEntries(
		PHASES.map((phase) => [phase, state.phases[phase] ?? { ...DEFAULT_PHASE_RULES[phase], revealed: false }])
	) as Record<Phase, PhaseSettings>;
	return { ...state, phases };
}

export function setSummoned(state: LiveState, summoned: boolean): LiveState {
	return state.summoned === summoned ? state : { ...state, summoned };
}

function timerFor(agenda: Agenda, phase: Phase): Timer | null {
	const minutes = timeboxOf(agenda, phase);
	return minutes === null ? null : createTimer(minutes);
}
