import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTORS, isSector, workshopSectors } from './sectors';

describe("a workshop's sectors", () => {
	it('offers the eight defaults until the facilitator chooses, then the chosen ones in the canonical order, once each', () => {
		expect(workshopSectors([])).toEqual([...DEFAULT_SECTORS]);
		expect(workshopSectors(['region', 'skola', 'polis', 'skola'])).toEqual(['skola', 'polis', 'region']);
	});

	it("knows the seeds' other actors and nothing else", () => {
		expect(isSector('raddningstjanst')).toBe(true);
		expect(isSector('unga-invanare')).toBe(true);
		expect(isSector('facilitator')).toBe(false);
		expect(isSector('Polis')).toBe(false);
	});
});
