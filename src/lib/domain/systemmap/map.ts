import type { Sector } from '../workshop/sectors';

/**
 * What a box on the map stands for: a condition that can rise or fall (faktor),
 * someone who acts (aktor), or something the municipality does (insats).
 */
export const FACTOR_KINDS = ['faktor', 'aktor', 'insats'] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];

/** Whether a factor raises the risk of the problem or protects against it (the starter library's tag). */
export const FACTOR_TAGS = ['risk', 'skydd'] as const;
export type FactorTag = (typeof FACTOR_TAGS)[number];

/** The three levels of prevention in seed 003, for an insats. */
export const PREVENTION_LEVELS = ['universell', 'selektiv', 'indikerad'] as const;
export type PreventionLevel = (typeof PREVENTION_LEVELS)[number];

/** '+' means "more of `from` gives more of `to`"; '-' means "more gives less". */
export const POLARITIES = ['+', '-'] as const;
export type Polarity = (typeof POLARITIES)[number];

export interface Factor {
	id: string;
	label: string;
	kind: FactorKind;
	note?: string;
	/** Indicator in the workshop's catalogue that measures this factor. */
	indicatorId?: string;
	/** Risk or protective factor, kept from the starter library when it was placed from there. */
	tag?: FactorTag;
	/** Prevention level (seed 003), kept from the starter library. */
	level?: PreventionLevel;
	/** Sector of the participant who added it, so the map shows whose lens a factor comes from. */
	proposedBySector?: Sector;
	x?: number;
	y?: number;
	/** A pinned factor keeps its position when the map is laid out again. */
	pinned?: boolean;
}

export interface Link {
	id: string;
	from: string;
	to: string;
	polarity: Polarity;
	/** The effect comes with a noticeable delay (drawn as a double bar). */
	delay?: boolean;
	label?: string;
}

export interface SystemMap {
	factors: Factor[];
	links: Link[];
}

export const MAP_TITLE_MAX = 120;
export const FACTOR_LABEL_MAX = 80;
export const FACTOR_NOTE_MAX = 1000;
export const LINK_LABEL_MAX = 80;
export const ID_MAX = 64;
/** Far beyond a workshop map; keeps one request or document from growing without bound. */
export const MAP_FACTORS_MAX = 500;
export const MAP_LINKS_MAX = 2000;

export function isFactorKind(value: unknown): value is FactorKind {
	return typeof value === 'string' && (FACTOR_KINDS as readonly string[]).includes(value);
}

export function isFactorTag(value: unknown): value is FactorTag {
	return value === 'risk' || value === 'skydd';
}

export function isPreventionLevel(value: unknown): value is PreventionLevel {
	return typeof value === 'string' && (PREVENTION_LEVELS as readonly string[]).includes(value);
}

export function isPolarity(value: unknown): value is Polarity {
	return value === '+' || value === '-';
}
