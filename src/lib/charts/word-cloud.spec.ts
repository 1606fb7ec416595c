import { describe, expect, it } from 'vitest';
import { wordCloud } from './word-cloud';

describe('wordCloud', () => {
	it('sizes words by the square root of their use, largest in the middle', () => {
		const cloud = wordCloud(
			[
				{ word: 'samverkan', count: 9 },
				{ word: 'data', count: 4 },
				{ word: 'skola', count: 1 },
				{ word: 'polis', count: 1 }
			],
			{ min: 1, max: 4 }
		);
		expect(cloud.map((w) => w.word)).toEqual(['skola', 'data', 'samverkan', 'polis']);
		const size = (word: string) => cloud.find((w) => w.word === word)!.size;
		expect(size('samverkan')).toBe(4);
		expect(size('skola')).toBe(1);
		expect(size('data')).toBeCloseTo(1 + 3 * ((2 - 1) / (3 - 1)), 1);
	});

	it('gives every word the same size when all are used equally', () => {
		const cloud = wordCloud([
			{ word: 'a', count: 2 },
			{ word: 'b', count: 2 }
		]);
		expect(new Set(cloud.map((w) => w.size)).size).toBe(1);
		expect(cloud.every((w) => w.weight === 1)).toBe(true);
	});

	it('is empty without words', () => {
		expect(wordCloud([])).toEqual([]);
	});
});
