import { describe, expect, it } from 'vitest';
import {
	countBySector,
	CUSTOM_SECTOR_NAME_MAX,
	customSector,
	customSectorName,
	DEFAULT_SECTORS,
	isSector,
	sectorSchema,
	workshopSectors
} from './sectors';

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

describe('sectors typed in by the facilitator', () => {
	it('become codes that carry their name, tidied, and are sectors like the known ones', () => {
		expect(customSector('  Svenska   kyrkan ')).toBe('egen:Svenska kyrkan');
		expect(customSectorName('egen:Svenska kyrkan')).toBe('Svenska kyrkan');
		expect(customSectorName('polis')).toBeNull();
		expect(isSector('egen:Svenska kyrkan')).toBe(true);
		expect(isSector('egen:IFK Österåker (fotboll)')).toBe(true);
	});

	it('refuse names that are empty, too long or could break a CSV cell or markup', () => {
		for (const name of ['', ' x ', 'a'.repeat(CUSTOM_SECTOR_NAME_MAX + 1), '<script>', '=SUM(A1)', 'a;b', 'x"y', '-leading']) {
			expect(customSector(name), name).toBeNull();
		}
		expect(isSector('egen: padded ')).toBe(false);
		expect(isSector('egen:')).toBe(false);
		expect(sectorSchema.safeParse('egen:<b>').success).toBe(false);
		expect(sectorSchema.safeParse('egen:Fältgruppen').success).toBe(true);
	});

	it('come after the known ones, alphabetically, in every list', () => {
		expect(workshopSectors(['egen:Öbo', 'polis', 'egen:Kyrkan', 'skola'])).toEqual(['skola', 'polis', 'egen:Kyrkan', 'egen:Öbo']);
		expect(countBySector([{ sector: 'egen:Kyrkan' }, { sector: 'polis' }, { sector: 'egen:Kyrkan' }, { sector: 'facilitator' }])).toEqual([
			{ sector: 'polis', count: 1 },
			{ sector: 'egen:Kyrkan', count: 2 },
			{ sector: 'facilitator', count: 1 }
		]);
	});
});
