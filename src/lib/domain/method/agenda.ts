import { isPhase, PHASES, type Phase } from './phases';

/** A timebox longer than a working day is a typo, not a plan. */
export const TIMEBOX_MAX_MINUTES = 480;
/** A facilitator's note is a few sentences to glance at while running, not a script. */
export const PHASE_NOTE_MAX = 1000;

export interface AgendaItem {
	phase: Phase;
	/** Planned length; absent when the facilitator does not want a timer for the phase. */
	minutes?: number;
	/**
	 * What the facilitator says and does in this phase, written for this workshop;
	 * absent means the method's own note from the agenda template.
	 */
	note?: string;
}

/** Which phases a workshop runs, in which order. A phase appears at most once. */
export type Agenda = readonly AgendaItem[];

export type AgendaProblem = 'empty' | 'unknown-phase' | 'duplicate-phase' | 'bad-timebox' | 'bad-note';

/**
 * Checks an agenda a facilitator composed (or a template supplied). Returns every
 * problem found, so the form can mark all of them at once; an empty list means valid.
 */
export function checkAgenda(agenda: readonly { phase: unknown; minutes?: unknown; note?: unknown }[]): AgendaProblem[] {
	const problems = new Set<AgendaProblem>();
	if (agenda.length === 0) problems.add('empty');
	const seen = new Set<string>();
	for (const item of agenda) {
		if (!isPhase(item.phase)) problems.add('unknown-phase');
		else if (seen.has(item.phase)) problems.add('duplicate-phase');
		else seen.add(item.phase);
		if (item.minutes !== undefined && !isTimebox(item.minutes)) problems.add('bad-timebox');
		if (item.note !== undefined && !isPhaseNote(item.note)) problems.add('bad-note');
	}
	return [...problems];
}

export function isTimebox(minutes: unknown): minutes is number {
	return typeof minutes === 'number' && Number.isInteger(minutes) && minutes > 0 && minutes <= TIMEBOX_MAX_MINUTES;
}

function isPhaseNote(note: unknown): note is string {
	return typeof note === 'string' && note.trim().length > 0 && note.length <= PHASE_NOTE_MAX;
}

/** The workshop's own note for a phase, or null when the method's default applies. */
export function noteOf(agenda: Agenda, phase: Phase): string | null {
	return agenda.find((item) => item.phase === phase)?.note ?? null;
}

/**
 * The agenda with `phase` added where the method places it: after the agenda's phases
 * that come before it in the canonical order (the system map after the question), so
 * the facilitator rarely has to move it. A phase already there is left where it is.
 */
export function withPhaseAdded(agenda: readonly AgendaItem[], item: AgendaItem): AgendaItem[] {
	if (agenda.some((existing) => existing.phase === item.phase)) return [...agenda];
	const rank = PHASES.indexOf(item.phase);
	const at = agenda.findLastIndex((existing) => PHASES.indexOf(existing.phase) < rank) + 1;
	return [...agenda.slice(0, at), item, ...agenda.slice(at)];
}

/** Sum of all timeboxes, for "about N minutes" in the preparation view. */
export function agendaMinutes(agenda: Agenda): number {
	return agenda.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
}

export function timeboxOf(agenda: Agenda, phase: Phase): number | null {
	return agenda.find((item) => item.phase === phase)?.minutes ?? null;
}

/**
 * The phase after `current` in the agenda. When the facilitator has jumped to a phase
 * outside the agenda, the next is the first agenda phase that comes later in the
 * canonical order, so "next" still moves forward. Null at the end.
 */
export function nextAgendaPhase(agenda: Agenda, current: Phase): Phase | null {
	const index = agenda.findIndex((item) => item.phase === current);
	if (index >= 0) return agenda[index + 1]?.phase ?? null;
	const rank = PHASES.indexOf(current);
	return agenda.find((item) => PHASES.indexOf(item.phase) > rank)?.phase ?? null;
}

/** Mirror of {@link nextAgendaPhase}: the phase before `current`, or null at the start. */
export function previousAgendaPhase(agenda: Agenda, current: Phase): Phase | null {
	const index = agenda.findIndex((item) => item.phase === current);
	if (index >= 0) return index > 0 ? (agenda[index - 1]?.phase ?? null) : null;
	const rank = PHASES.indexOf(current);
	return agenda.findLast((item) => PHASES.indexOf(item.phase) < rank)?.phase ?? null;
}
