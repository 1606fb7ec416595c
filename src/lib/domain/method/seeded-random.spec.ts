import { describe, expect, it } from 'vitest';
import { seededRandom, shuffled } from './seeded-random';

describe('seededRandom', () => {
	it('repeats the same sequence for the same seed', () => {
		const a = seededRandom(42);
		const b = seededRandom(42);
		expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
	});

	it('gives different sequences for different seeds', () => {
		expect(seededRandom(1)()).not.toBe(seededRandom(2)());
	});

	it('stays within [0, 1)', () => {
		const random = seededRandom(7);
		for (let i = 0; i < 1000; i++) {
			const n = random();
			expect(n >= 0 && n < 1).toBe(true);
		}
	});
});

describe('shuffled', () => {
	it('returns a permutation and leaves the input alone', () => {
		const input = Object.freeze(['a', 'b', 'c', 'd', 'e']);
		const output = shuffled(input, seededRandom(3));
		expect([...output].sort()).toEqual([...input]);
		expect(input).toEqual(['a', 'b', 'c', 'd', 'e']);
	});
});
