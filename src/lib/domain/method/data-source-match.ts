import type { DataSourceTemplate } from './templates';

export interface DataSourceMatch {
	source: DataSourceTemplate;
	score: number;
	/** The keywords (as written in the directory) that matched, to show why. */
	matched: string[];
}

/** Words too common in wishes to say anything about which source fits. */
const STOPWORDS = new Set(
	[
		'och att det som för med hur kan vi är på av en ett den de om till har inte eller alla',
		'data statistik uppgifter information antal andel vilka vilken vad finns från per'
	]
		.join(' ')
		.split(' ')
		.map(fold)
);

/** Longest first, so "arna" is tried before "a"-like shorter endings. */
const SUFFIXES = ['arnas', 'ernas', 'ornas', 'arna', 'erna', 'orna', 'ar', 'er', 'or', 'an', 'en', 'et', 'na'];

const EXACT = 3;
const COMPOUND = 2;
const PREFIX = 1;

/**
 * Suggests data sources for the wish or data text someone is typing. Scoring is simple
 * on purpose: it must run on every keystroke on a phone, explain itself, and behave the
 * same everywhere. Per directory keyword (plus each source's id and name) the best
 * match counts:
 * - the same word after normalising (3), or a multi-word keyword found as a phrase (3);
 * - one word inside the other, which catches Swedish compounds such as
 *   "skolfrånvaro" for "frånvaro" (2);
 * - the word still being typed is the start of the keyword (1).
 * Normalising lower-cases with Swedish rules, folds å/ä/ö to a/o (people type without
 * them on foreign keyboards) and strips common plural and definite endings. Sources
 * with score 0 are left out; ties keep directory order. Returns at most `limit`.
 */
export function suggestDataSources(
	text: string,
	sources: readonly DataSourceTemplate[],
	options: { limit?: number } = {}
): DataSourceMatch[] {
	const limit = options.limit ?? 3;
	const tokens = tokenise(text);
	if (tokens.length === 0 || limit <= 0) return [];
	const phrase = ` ${tokens.join(' ')} `;
	const lastWord = /[\s.,;:!?]$/.test(text) ? '' : (normaliseForMatch(text).split(' ').at(-1) ?? '');
	const typing = lastWord.length >= 3 ? stem(lastWord) : null;
	return sources
		.map((source, order) => ({ ...scoreSource(source, tokens, phrase, typing), order }))
		.filter((match) => match.score > 0)
		.sort((a, b) => b.score - a.score || a.order - b.order)
		.slice(0, limit)
		.map(({ source, score, matched }) => ({ source, score, matched }));
}

/** Lower case (Swedish rules), å/ä/ö folded, punctuation to spaces. */
export function normaliseForMatch(text: string): string {
	return fold(text)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** Normalised, stemmed words of two letters or more, without stopwords. */
export function tokenise(text: string): string[] {
	return normaliseForMatch(text)
		.split(' ')
		.filter((word) => word.length >= 2 && !STOPWORDS.has(word))
		.map(stem);
}

function scoreSource(
	source: DataSourceTemplate,
	tokens: readonly string[],
	phrase: string,
	typing: string | null
): { source: DataSourceTemplate; score: number; matched: string[] } {
	let score = 0;
	const matched: string[] = [];
	for (const keyword of [source.id.replaceAll('-', ' '), source.name, ...source.keywords]) {
		const best = keywordScore(tokenise(keyword), tokens, phrase, typing);
		if (best === 0) continue;
		score += best;
		matched.push(keyword);
	}
	return { source, score, matched };
}

function keywordScore(words: readonly string[], tokens: readonly string[], phrase: string, typing: string | null): number {
	if (words.length === 0) return 0;
	if (words.length > 1) return phrase.includes(` ${words.join(' ')} `) ? EXACT : 0;
	const [word] = words as [string];
	let best = 0;
	for (const token of tokens) {
		if (token === word) return EXACT;
		const long = token.length >= 4 && word.length >= 4;
		if (long && (token.includes(word) || word.includes(token))) best = COMPOUND;
		else if (token === typing && token.length >= 3 && word.startsWith(token)) {
			best = Math.max(best, PREFIX);
		}
	}
	return best;
}

function fold(text: string): string {
	return text
		.toLocaleLowerCase('sv-SE')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '');
}

function stem(word: string): string {
	if (word.length < 6) return word;
	const suffix = SUFFIXES.find((ending) => word.endsWith(ending) && word.length - ending.length >= 4);
	return suffix ? word.slice(0, -suffix.length) : word;
}
