import { describe, expect, it } from 'vitest';
import { findLoops } from './loops';
import { sampleMap } from './sample-map';
import { validateMap } from './validate';

describe('sampleMap', () => {
	it('builds a valid map of the requested size without self-links', () => {
		const map = sampleMap({ factors: 150, links: 300 });
		expect(map.factors).toHaveLength(150);
		expect(map.links).toHaveLength(300);
		expect(validateMap(map).ok).toBe(true);
		expect(map.links.some((link) => link.from === link.to)).toBe(false);
	});

	it('builds the same map for the same seed and another for another seed', () => {
		expect(sampleMap({ factors: 30, links: 60, seed: 4 })).toEqual(sampleMap({ factors: 30, links: 60, seed: 4 }));
		expect(sampleMap({ factors: 30, links: 60, seed: 5 })).not.toEqual(sampleMap({ factors: 30, links: 60, seed: 4 }));
	});

	it('finds loops in the benchmark map within the cap', () => {
		const result = findLoops(sampleMap({ factors: 150, links: 300 }));
		expect(result.loops.length).toBeGreaterThan(0);
		expect(result.loops.length).toBeLessThanOrEqual(result.cap);
	});
});
