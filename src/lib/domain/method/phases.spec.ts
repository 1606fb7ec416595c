import { describe, expect, it } from 'vitest';
import { CARD_KINDS } from '../cards/card';
import { cardKindOfPhase, isPhase, isPhaseReached, PHASES, phaseOfCardKind, showsGaps } from './phases';

describe('phases', () => {
	it('lists the phases in the order of the seed process, framed by the reflections and the evaluation', () => {
		expect(PHASES).toEqual([
			'reflektion-start',
			'valj-fraga',
			'systemkarta',
			'samverkan',
			'onskvard',
			'prioritera',
			'tillganglig',
			'visualisera',
			'testa',
			'nasta-steg',
			'reflektion',
			'utvardering',
			'sammanfattning'
		]);
	});

	it('recognises phase ids and rejects anything else', () => {
		expect(isPhase('onskvard')).toBe(true);
		expect(isPhase('önskvärd')).toBe(false);
		expect(isPhase(3)).toBe(false);
	});

	it('maps every card kind to a phase and back', () => {
		for (const kind of CARD_KINDS) expect(cardKindOfPhase(phaseOfCardKind(kind))).toBe(kind);
	});

	it('has no card column for phases without cards', () => {
		expect(cardKindOfPhase('prioritera')).toBeNull();
		expect(cardKindOfPhase('valj-fraga')).toBeNull();
	});

	it('treats the current and earlier phases as reached but not later ones', () => {
		expect(isPhaseReached('onskvard', 'onskvard')).toBe(true);
		expect(isPhaseReached('samverkan', 'tillganglig')).toBe(true);
		expect(isPhaseReached('nasta-steg', 'tillganglig')).toBe(false);
	});

	it('shows the data gaps from Tillgänglig on, the test in dialogue included', () => {
		expect(PHASES.filter(showsGaps)).toEqual(['tillganglig', 'visualisera', 'testa', 'nasta-steg', 'sammanfattning']);
	});
});
