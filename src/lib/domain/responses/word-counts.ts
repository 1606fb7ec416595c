import { STOP_WORDS } from './stop-words';

export interface WordCount {
	word: string;
	count: number;
}

/** Letters (any script), digits and inner hyphens: "samverkan", "BVC", "skol-närvaro". */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/**
 * The words of the answers by how many answers use them (a word repeated in one answer
 * counts once, so nobody can fill the cloud alone), stop words and one-letter words
 * left out, most frequent first and then alphabetically, at most `limit`.
 */
export function wordCounts(texts: readonly string[], limit = 60): WordCount[] {
	const counts = new Map<string, number>();
	for (const text of texts) {
		const words = new Set((text.toLocaleLowerCase('sv').match(WORD) ?? []).filter((w) => w.length > 1 && !STOP_WORDS.has(w)));
		for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
	}
	return [...counts]
		.map(([word, count]) => ({ word, count }))
		.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'sv'))
		.slice(0, limit);
}
