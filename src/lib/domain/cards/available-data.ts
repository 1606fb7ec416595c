import type { Card } from './card';

/** Where data comes from, as the seed sorts it when searching available sources. */
export const DATA_LEVELS = ['nationell', 'regional', 'kommunal', 'egenproducerad'] as const;
export type DataLevel = (typeof DATA_LEVELS)[number];

/**
 * The seed's three ways data drives the work: measure and set targets for well-being,
 * explore the current situation, follow up decided activities. Each asks different
 * things of the data (comparability, adequacy), so cards record which one is meant.
 */
export const DATA_USES = ['mata-och-malsatta', 'utforska', 'folja-upp'] as const;
export type DataUse = (typeof DATA_USES)[number];

export const DETAIL_TEXT_MAX = 200;
export const URL_MAX = 2000;

/**
 * The details of a "Tillgänglig" card. The card's own `text` says what data it is;
 * these fields say where it comes from and how it can be used.
 */
export interface AvailableData {
	/** The wish cards ("Önskvärd") this data answers; at least one. */
	wishIds: string[];
	/** Source or data owner, e.g. "Stockholmsenkäten, Storsthlm". */
	source: string;
	level: DataLevel;
	uses: DataUse[];
	/** Free text, e.g. "vartannat år". */
	frequency?: string;
	/** What to keep in mind before comparing, e.g. "låg svarsfrekvens 2022". */
	comparability?: string;
	url?: string;
	/** Id in the data-source directory, when the card was made from a suggestion. */
	dataSourceId?: string;
}

export type AvailableDataProblem =
	'no-wish' | 'unknown-wish' | 'source-empty' | 'bad-level' | 'no-use' | 'bad-use' | 'too-long' | 'bad-url';

export function isDataLevel(value: unknown): value is DataLevel {
	return typeof value === 'string' && (DATA_LEVELS as readonly string[]).includes(value);
}

export function isDataUse(value: unknown): value is DataUse {
	return typeof value === 'string' && (DATA_USES as readonly string[]).includes(value);
}

/**
 * Accepts only absolute http(s) URLs. Links are shown to everyone and opened on
 * click, so `javascript:`, `data:` and similar schemes must never get through.
 */
export function isHttpUrl(value: string): boolean {
	if (value.length > URL_MAX) return false;
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
	} catch {
		return false;
	}
}

/**
 * Checks available-data details against the board. `cards` are all cards on the same
 * canvas; each linked wish must exist there and be an "Önskvärd" card, otherwise the
 * gap list would count it wrongly. Returns every problem found; empty means valid.
 */
export function checkAvailableData(data: AvailableData, cards: readonly Card[]): AvailableDataProblem[] {
	const problems = new Set<AvailableDataProblem>();
	if (data.wishIds.length === 0) problems.add('no-wish');
	const wishIds = new Set(cards.filter((card) => card.kind === 'onskvard').map((card) => card.id));
	if (data.wishIds.some((id) => !wishIds.has(id))) problems.add('unknown-wish');
	if (data.source.trim().length === 0) problems.add('source-empty');
	if (!isDataLevel(data.level)) problems.add('bad-level');
	if (data.uses.length === 0) problems.add('no-use');
	if (data.uses.some((use) => !isDataUse(use))) problems.add('bad-use');
	const texts = [data.source, data.frequency ?? '', data.comparability ?? ''];
	if (texts.some((text) => text.trim().length > DETAIL_TEXT_MAX)) problems.add('too-long');
	const url = data.url?.trim() ?? '';
	if (url !== '' && !isHttpUrl(url)) problems.add('bad-url');
	return [...problems];
}

/** The same details with text trimmed, links and uses de-duplicated and empty optionals dropped. */
export function normaliseAvailableData(data: AvailableData): AvailableData {
	const result: AvailableData = {
		wishIds: [...new Set(data.wishIds)],
		source: data.source.trim(),
		level: data.level,
		uses: DATA_USES.filter((use) => data.uses.includes(use))
	};
	const frequency = data.frequency?.trim();
	const comparability = data.comparability?.trim();
	const url = data.url?.trim();
	if (frequency) result.frequency = frequency;
	if (comparability) result.comparability = comparability;
	if (url) result.url = url;
	if (data.dataSourceId) result.dataSourceId = data.dataSourceId;
	return result;
}
