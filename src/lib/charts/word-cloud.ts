import { scaleSqrt } from 'd3';
import type { WordCount } from '$lib/domain/responses/word-counts';

export interface CloudWord extends WordCount {
	/** Font size in em of the surrounding text: the most used word is largest. */
	size: number;
	/** 0–1: the most used words are darkest, so they read first from the back of the room. */
	weight: number;
}

/**
 * A word cloud as sized words: d3 scales each word's size by the square root of how
 * many answers used it (area grows with use, as the eye reads it), from `min` to `max`
 * em. The words come largest in the middle and smaller towards both ends, so the cloud
 * flows into a centred, wrapped block the browser lays out and a screen reader reads
 * as a list in that same order.
 */
export function wordCloud(words: readonly WordCount[], options: { min?: number; max?: number } = {}): CloudWord[] {
	if (words.length === 0) return [];
	const counts = words.map((w) => w.count);
	const low = Math.min(...counts);
	const high = Math.max(...counts);
	const size = scaleSqrt()
		.domain([low, Math.max(high, low + 1)])
		.range([options.min ?? 1, options.max ?? 4]);
	const sized = [...words]
		.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'sv'))
		.map((w) => ({ ...w, size: Math.round(size(w.count) * 100) / 100, weight: high === low ? 1 : (w.count - low) / (high - low) }));
	// Alternate the words to the left and right of the largest: a centred mound, not a staircase.
	const left: CloudWord[] = [];
	const right: CloudWord[] = [];
	sized.forEach((w, i) => (i % 2 === 0 ? right : left).push(w));
	return [...left.reverse(), ...right];
}
