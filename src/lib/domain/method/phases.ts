import type { CardKind } from '../cards/card';

/**
 * The live workshop phases in the seed's order (docs/METHOD.md, "The process"): choose the
 * question, draw it as a system map (step 1, "Workshop med stöd i systemkarta"), the four
 * A3 canvas columns with prioritising between wishes and available data, visualising,
 * testing the figures in dialogue (step 6), and a closing summary. An opening and a
 * closing reflection and the evaluation (answered anonymously from phones, see
 * domain/responses) frame the dialogue. An agenda runs any subset of them in any order.
 */
export const PHASES = [
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
] as const;

export type Phase = (typeof PHASES)[number];

export function isPhase(value: unknown): value is Phase {
	return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/**
 * The phase in which cards of a kind are written. Each canvas column has its own
 * phase with the same id, which keeps reveal and lock rules per column.
 */
export function phaseOfCardKind(kind: CardKind): Phase {
	return kind;
}

/** The canvas column a phase writes to, or null for phases without cards. */
export function cardKindOfPhase(phase: Phase): CardKind | null {
	switch (phase) {
		case 'samverkan':
		case 'onskvard':
		case 'tillganglig':
		case 'testa':
		case 'nasta-steg':
			return phase;
		default:
			return null;
	}
}

/**
 * Whether `phase` comes at or before `current` in the canonical order. Participants may
 * go back to earlier columns (nothing is lost going back) but not write ahead.
 */
export function isPhaseReached(phase: Phase, current: Phase): boolean {
	return PHASES.indexOf(phase) <= PHASES.indexOf(current);
}

const GAP_PHASES: readonly Phase[] = ['tillganglig', 'visualisera', 'testa', 'nasta-steg', 'sammanfattning'];

/** The data gaps (wishes no available data answers) are shown from *Tillgänglig* on, while the room works with data. */
export function showsGaps(phase: Phase): boolean {
	return GAP_PHASES.includes(phase);
}
