import { describe, expect, it } from 'vitest';
import {
	agendaMinutes,
	checkAgenda,
	nextAgendaPhase,
	noteOf,
	PHASE_NOTE_MAX,
	previousAgendaPhase,
	timeboxOf,
	withPhaseAdded,
	type Agenda
} from './agenda';

const agenda: Agenda = [
	{ phase: 'valj-fraga', minutes: 5 },
	{ phase: 'onskvard', minutes: 15 },
	{ phase: 'tillganglig' },
	{ phase: 'nasta-steg', minutes: 10 }
];

describe('checkAgenda', () => {
	it('accepts an agenda with distinct phases and whole-minute timeboxes', () => {
		expect(checkAgenda(agenda)).toEqual([]);
	});

	it('reports an empty agenda', () => {
		expect(checkAgenda([])).toEqual(['empty']);
	});

	it('reports a phase that appears twice', () => {
		expect(checkAgenda([{ phase: 'onskvard' }, { phase: 'onskvard' }])).toEqual(['duplicate-phase']);
	});

	it('reports unknown phases and bad timeboxes together', () => {
		const problems = checkAgenda([
			{ phase: 'fika' },
			{ phase: 'onskvard', minutes: 0 },
			{ phase: 'samverkan', minutes: 2.5 },
			{ phase: 'tillganglig', minutes: 481 }
		]);
		expect(problems).toEqual(['unknown-phase', 'bad-timebox']);
	});

	it('accepts a facilitator note and refuses an empty or over-long one', () => {
		expect(checkAgenda([{ phase: 'onskvard', note: 'Gräv där du står.' }])).toEqual([]);
		expect(checkAgenda([{ phase: 'onskvard', note: '  ' }])).toEqual(['bad-note']);
		expect(checkAgenda([{ phase: 'onskvard', note: 'x'.repeat(PHASE_NOTE_MAX + 1) }])).toEqual(['bad-note']);
		expect(checkAgenda([{ phase: 'onskvard', note: 42 }])).toEqual(['bad-note']);
	});
});

describe('agenda helpers', () => {
	it('sums the timeboxes, counting phases without one as zero', () => {
		expect(agendaMinutes(agenda)).toBe(30);
	});

	it("finds the workshop's own note of a phase, or null for the method's default", () => {
		const noted = [{ phase: 'samverkan' as const, note: 'Fråga vem som saknas i rummet.' }, { phase: 'onskvard' as const }];
		expect(noteOf(noted, 'samverkan')).toBe('Fråga vem som saknas i rummet.');
		expect(noteOf(noted, 'onskvard')).toBeNull();
		expect(noteOf(noted, 'prioritera')).toBeNull();
	});

	it('finds the timebox of a phase, or null when it has none or is not on the agenda', () => {
		expect(timeboxOf(agenda, 'onskvard')).toBe(15);
		expect(timeboxOf(agenda, 'tillganglig')).toBeNull();
		expect(timeboxOf(agenda, 'prioritera')).toBeNull();
	});

	it('steps forward and back through the agenda order', () => {
		expect(nextAgendaPhase(agenda, 'valj-fraga')).toBe('onskvard');
		expect(nextAgendaPhase(agenda, 'nasta-steg')).toBeNull();
		expect(previousAgendaPhase(agenda, 'onskvard')).toBe('valj-fraga');
		expect(previousAgendaPhase(agenda, 'valj-fraga')).toBeNull();
	});

	it('steps from a phase outside the agenda to the nearest agenda phase in that direction', () => {
		expect(nextAgendaPhase(agenda, 'prioritera')).toBe('tillganglig');
		expect(previousAgendaPhase(agenda, 'prioritera')).toBe('onskvard');
		expect(nextAgendaPhase(agenda, 'sammanfattning')).toBeNull();
	});

	it('follows a custom order rather than the canonical one', () => {
		const custom: Agenda = [{ phase: 'onskvard' }, { phase: 'samverkan' }];
		expect(nextAgendaPhase(custom, 'onskvard')).toBe('samverkan');
	});
});

describe('withPhaseAdded', () => {
	it('places the system map after the question and the test in dialogue before the next steps', () => {
		const withMap = withPhaseAdded(agenda, { phase: 'systemkarta', minutes: 15 });
		expect(withMap.map((item) => item.phase)).toEqual(['valj-fraga', 'systemkarta', 'onskvard', 'tillganglig', 'nasta-steg']);
		expect(withPhaseAdded(withMap, { phase: 'testa' }).map((item) => item.phase)).toEqual([
			'valj-fraga',
			'systemkarta',
			'onskvard',
			'tillganglig',
			'testa',
			'nasta-steg'
		]);
	});

	it("keeps the facilitator's own order around it and puts a phase first when nothing comes before it", () => {
		const reordered: Agenda = [{ phase: 'onskvard' }, { phase: 'valj-fraga' }];
		expect(withPhaseAdded(reordered, { phase: 'systemkarta' }).map((item) => item.phase)).toEqual([
			'onskvard',
			'valj-fraga',
			'systemkarta'
		]);
		expect(withPhaseAdded([{ phase: 'onskvard' }], { phase: 'valj-fraga' }).map((item) => item.phase)).toEqual(['valj-fraga', 'onskvard']);
	});

	it('does not add a phase twice', () => {
		expect(withPhaseAdded(agenda, { phase: 'onskvard', minutes: 99 })).toEqual(agenda);
	});
});
