import { describe, expect, it } from 'vitest';
import { wordCounts } from './word-counts';

describe('wordCounts', () => {
	it('counts words per answer without Swedish stop words, most frequent first', () => {
		expect(
			wordCounts(['Att vi behöver mer samverkan', 'Samverkan och data', 'Data, data och åter data!', 'Skolnärvaro är nyckeln'])
		).toEqual([
			{ word: 'data', count: 2 },
			{ word: 'samverkan', count: 2 },
			{ word: 'behöver', count: 1 },
			{ word: 'nyckeln', count: 1 },
			{ word: 'skolnärvaro', count: 1 },
			{ word: 'åter', count: 1 }
		]);
	});

	it('keeps hyphenated words and abbreviations whole and leaves out one-letter words', () => {
		expect(wordCounts(['BVC och hälso-sjukvård, a och o'])).toEqual([
			{ word: 'bvc', count: 1 },
			{ word: 'hälso-sjukvård', count: 1 }
		]);
	});

	it('stops at the limit', () => {
		expect(wordCounts(['ett två tre fyra fem sex'], 2)).toHaveLength(2);
	});
});
