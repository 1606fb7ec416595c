/**
 * Indicator metadata as Stockholm's follow-up model describes it (seed 003, the
 * table "Mål · Delmål · Indikatornamn · Typ · Definition · Syfte · Risk för
 * feltolkning · Målgrupp · Datakälla · Frekvens"), plus what a data card needs
 * to be a safe boundary object: unit, attribution, licence, data owner and the
 * kind of use (docs/METHOD.md: mäta, utforska, följa upp).
 */

/** Utfall (outcome), prestation (output) or process. */
export const INDICATOR_TYPES = ['utfall', 'prestation', 'process'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

/** Who acts on the indicator: strategisk, taktisk or operativ level. */
export const INDICATOR_LEVELS = ['strategisk', 'taktisk', 'operativ'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

/** The three ways data drives the work: measure, explore, follow up. */
export const KINDS_OF_USE = ['mata', 'utforska', 'folja-upp'] as const;
export type KindOfUse = (typeof KINDS_OF_USE)[number];

export interface IndicatorMeta {
	/** Indikatornamn. */
	namn: string;
	/** Mål (goal) the indicator follows, e.g. 'H.1 En socialtjänst som präglas av tidiga lösningar'. */
	mal?: string;
	delmal?: string;
	typ?: IndicatorType;
	niva?: IndicatorLevel;
	definition?: string;
	syfte?: string;
	/** Risk för feltolkning: what makes the figure easy to misread. */
	riskForFeltolkning?: string;
	malgrupp?: string;
	datakalla?: string;
	frekvens?: string;
	unit?: string;
	/** Text to show with every chart, e.g. 'Källa: Kolada (RKA), CC BY 4.0'. */
	attribution?: string;
	licence?: string;
	dataOwner?: string;
	kindOfUse?: KindOfUse;
}

const TYPE_WORDS: Record<string, IndicatorType> = {
	utfall: 'utfall',
	prestation: 'prestation',
	process: 'process'
};

const LEVEL_WORDS: Record<string, IndicatorLevel> = {
	strategisk: 'strategisk',
	taktisk: 'taktisk',
	operativ: 'operativ'
};

/**
 * Reads the catalogue's combined "Typ" cell, which practitioners write as
 * 'Prestation (Taktisk nivå)', 'Utfall (strategisk)' or just 'Utfall'.
 * Returns only what the text states; an empty or unknown cell gives `{}`, so a
 * half-filled catalogue row is kept as it is rather than guessed.
 */
export function parseTypeCell(text: string): { typ?: IndicatorType; niva?: IndicatorLevel } {
	const words = text.toLowerCase().match(/[a-zåäö]+/g) ?? [];
	const result: { typ?: IndicatorType; niva?: IndicatorLevel } = {};
	for (const word of words) {
		const typ = TYPE_WORDS[word];
		const niva = LEVEL_WORDS[word];
		if (typ && !result.typ) result.typ = typ;
		if (niva && !result.niva) result.niva = niva;
	}
	return result;
}
