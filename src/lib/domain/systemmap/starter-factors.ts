import {
	FACTOR_LABEL_MAX,
	isFactorKind,
	isPreventionLevel,
	PREVENTION_LEVELS,
	type Factor,
	type FactorKind,
	type FactorTag,
	type PreventionLevel
} from './map';
import { isRecord, isValidId } from './validate';

/** The fifteen themes of the mini-workshop canvas (docs/METHOD.md, seed 003). */
export const THEME_IDS = [
	'psykisk-halsa',
	'social-delaktighet',
	'brottslighet',
	'missbruk',
	'boende-miljo',
	'jamstalldhet',
	'foraldraskap',
	'skolnarvaro',
	'fritid',
	'aldre',
	'ekonomi',
	'arbete',
	'bostad',
	'motesplatser',
	'digital-tillgang'
] as const;
export type ThemeId = (typeof THEME_IDS)[number];

export interface Bilingual {
	sv: string;
	en: string;
}

export interface StarterFactor {
	/** `<theme>.<slug>`, unique over the whole library. */
	id: string;
	label: Bilingual;
	kind: FactorKind;
	type: FactorTag;
	level?: PreventionLevel;
	/** Where the seed documents say it, so a facilitator can show the source. */
	source: { seed: string; line: number; quote: string };
}

export interface StarterTheme {
	id: ThemeId;
	label: Bilingual;
	factors: StarterFactor[];
}

export interface StarterLibrary {
	schemaVersion: 1;
	themes: StarterTheme[];
}

/**
 * Checks a starter-factor library (workshop-templates/starter-factors.json) and
 * lists every problem in English, empty when it is valid. The file is data that
 * facilitators may extend, so it is checked like any other input rather than
 * trusted because it ships with the code.
 */
export function checkStarterLibrary(input: unknown): string[] {
	const problems: string[] = [];
	if (!isRecord(input) || !Array.isArray(input.themes)) return ['library must be an object with a themes array'];
	if (input.schemaVersion !== 1) problems.push('schemaVersion must be 1');
	const themeIds = new Set<unknown>();
	const factorIds = new Set<string>();
	for (const [t, theme] of (input.themes as unknown[]).entries()) {
		const at = `themes[${t}]`;
		if (!isRecord(theme)) {
			problems.push(`${at}: must be an object`);
			continue;
		}
		if (!(THEME_IDS as readonly unknown[]).includes(theme.id)) problems.push(`${at}.id: unknown theme '${String(theme.id)}'`);
		if (themeIds.has(theme.id)) problems.push(`${at}.id: duplicate theme '${String(theme.id)}'`);
		themeIds.add(theme.id);
		problems.push(...checkBilingual(theme.label, `${at}.label`));
		if (!Array.isArray(theme.factors) || theme.factors.length === 0) {
			problems.push(`${at}.factors: must be a non-empty array`);
			continue;
		}
		for (const [f, factor] of (theme.factors as unknown[]).entries()) {
			problems.push(...checkFactor(factor, `${at}.factors[${f}]`, factorIds));
		}
	}
	for (const id of THEME_IDS) if (!themeIds.has(id)) problems.push(`theme '${id}' is missing`);
	return problems;
}

/** A starter factor as a map factor in the workshop's language, ready to place. */
export function starterToFactor(starter: StarterFactor, options: { id: string; language: keyof Bilingual }): Factor {
	return {
		id: options.id,
		label: starter.label[options.language],
		kind: starter.kind,
		tag: starter.type,
		...(starter.level ? { level: starter.level } : {})
	};
}

function checkFactor(factor: unknown, at: string, seen: Set<string>): string[] {
	if (!isRecord(factor)) return [`${at}: must be an object`];
	const problems: string[] = [];
	if (!isValidId(factor.id)) problems.push(`${at}.id: must be 1-64 characters without spaces`);
	else if (seen.has(factor.id)) problems.push(`${at}.id: duplicate factor id '${factor.id}'`);
	else seen.add(factor.id);
	problems.push(...checkBilingual(factor.label, `${at}.label`));
	if (!isFactorKind(factor.kind)) problems.push(`${at}.kind: must be 'faktor', 'aktor' or 'insats'`);
	if (factor.type !== 'risk' && factor.type !== 'skydd') problems.push(`${at}.type: must be 'risk' or 'skydd'`);
	if (factor.level !== undefined && !isPreventionLevel(factor.level)) {
		problems.push(`${at}.level: must be one of ${PREVENTION_LEVELS.join(', ')}`);
	}
	const source = factor.source;
	if (
		!isRecord(source) ||
		typeof source.seed !== 'string' ||
		!/^\d{3}$/.test(source.seed) ||
		!Number.isInteger(source.line) ||
		typeof source.quote !== 'string' ||
		source.quote.trim() === ''
	) {
		problems.push(`${at}.source: must name a seed ('002'), a line and a quote`);
	}
	return problems;
}

function checkBilingual(label: unknown, at: string): string[] {
	if (!isRecord(label)) return [`${at}: must have sv and en`];
	return (['sv', 'en'] as const).flatMap((language) => {
		const text = label[language];
		if (typeof text !== 'string' || text.trim() === '') return [`${at}.${language}: must not be empty`];
		if (text.trim().length > FACTOR_LABEL_MAX) return [`${at}.${language}: must be at most ${FACTOR_LABEL_MAX} characters`];
		return [];
	});
}
