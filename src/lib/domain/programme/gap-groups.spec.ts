import { describe, expect, it } from 'vitest';
import { groupGaps, normaliseWish, wishSimilarity, type GapEntry } from './gap-groups';

const gap = (workshopId: string, text: string, extra: Partial<GapEntry> = {}): GapEntry => ({
	workshopId,
	text,
	sector: 'skola',
	proposedDataOwner: null,
	rank: null,
	...extra
});

describe('normaliseWish', () => {
	it('lower-cases by Swedish rules and drops punctuation and extra spaces', () => {
		expect(normaliseWish('  Frånvaro – per SKOLA!  ')).toBe('frånvaro per skola');
	});

	it('keeps å, ä and ö as letters of their own, in either Unicode form', () => {
		expect(normaliseWish('Får')).toBe('får');
		expect(normaliseWish('Får')).not.toBe(normaliseWish('Far'));
		expect(normaliseWish('A\u030arsKURS')).toBe('årskurs');
		expect(normaliseWish('Övergång')).toBe('övergång');
	});

	it('drops other diacritics and reads æ and ø as ä and ö', () => {
		expect(normaliseWish('Café')).toBe('cafe');
		expect(normaliseWish('Müller')).toBe('muller');
		expect(normaliseWish('Bø')).toBe('bö');
		expect(normaliseWish('Læse')).toBe('läse');
	});
});

describe('wishSimilarity', () => {
	it('finds the same need in other words, order or inflection', () => {
		expect(wishSimilarity('Frånvaro per skola och årskurs', 'frånvaro per årskurs och skola')).toBeGreaterThanOrEqual(0.7);
		expect(wishSimilarity('Antal orosanmälningar per stadsdel', 'Orosanmälningar per stadsdel')).toBe(1);
		expect(wishSimilarity('Hur elever upplever trygghet i skolan', 'Elevers upplevda trygghet i skolan')).toBeGreaterThanOrEqual(0.7);
	});

	it('keeps different needs apart, even when they share filler words', () => {
		expect(wishSimilarity('Frånvaro per skola och årskurs', 'Hur elever upplever trygghet i skolan')).toBeLessThan(0.7);
		expect(wishSimilarity('Antal orosanmälningar per stadsdel', 'Antal elever per stadsdel')).toBeLessThan(0.7);
		expect(wishSimilarity('Trygghet i skolan', 'Trygghet på fritiden')).toBeLessThan(0.7);
	});
});

describe('groupGaps', () => {
	it('groups similar wishes across workshops with counts, sectors, proposals and the best rank', () => {
		const groups = groupGaps([
			gap('a', 'Frånvaro per skola och årskurs', { sector: 'skola', rank: 2 }),
			gap('a', 'Trygghet i skolan', { sector: 'polis' }),
			gap('b', 'frånvaro per årskurs och skola', { sector: 'socialtjanst', rank: 1, proposedDataOwner: 'Skolverket' }),
			gap('c', 'Frånvaro per skola och årskurs.', { sector: 'skola', proposedDataOwner: ' Skolverket ' }),
			gap('c', 'Frånvaro per skola och årskurs', { sector: 'polis', proposedDataOwner: 'Elevhälsan' })
		]);
		expect(groups).toHaveLength(2);
		expect(groups[0]).toEqual({
			text: 'Frånvaro per skola och årskurs',
			variants: ['Frånvaro per skola och årskurs', 'frånvaro per årskurs och skola', 'Frånvaro per skola och årskurs.'],
			workshops: 3,
			workshopIds: ['a', 'b', 'c'],
			sectors: { skola: 2, socialtjanst: 1, polis: 1 },
			proposals: ['Skolverket', 'Elevhälsan'],
			bestRank: 1
		});
		expect(groups[1]).toMatchObject({ text: 'Trygghet i skolan', workshops: 1, sectors: { polis: 1 }, proposals: [], bestRank: null });
	});

	it('orders by workshops, then best rank, then first seen; skips empty texts', () => {
		const groups = groupGaps([
			gap('a', 'Ungas fritidsvanor'),
			gap('a', 'Trygghet i skolan', { rank: 3 }),
			gap('a', 'Var unga vistas efter skoltid', { rank: 1 }),
			gap('b', 'Var unga vistas när de inte är i skolan'),
			gap('b', ' … ')
		]);
		expect(groups.map((group) => [group.text, group.workshops])).toEqual([
			['Var unga vistas efter skoltid', 2],
			['Trygghet i skolan', 1],
			['Ungas fritidsvanor', 1]
		]);
	});

	it('does not chain: a wish joins only a group whose first wording it is like', () => {
		const groups = groupGaps([
			gap('a', 'Trygghet i skolan'),
			gap('b', 'Trygghet i skolan och på fritiden'),
			gap('c', 'Trygghet på fritiden')
		]);
		expect(groups.every((group) => group.variants.length <= 2)).toBe(true);
	});
});

describe('gapTable', () => {
	it('has one column per sector and joins variants and proposals', async () => {
		const { gapTable } = await import('./gap-table');
		const [group] = groupGaps([
			gap('a', 'Frånvaro per skola', { sector: 'polis', proposedDataOwner: 'Skolverket', rank: 2 }),
			gap('b', 'Frånvaro per skolor', { sector: 'facilitator', proposedDataOwner: 'Kommunen' })
		]);
		const table = gapTable([group!]);
		expect(table.header[0]).toBe('önskemål');
		expect(table.rows[0]).toEqual([
			'Frånvaro per skola',
			'Frånvaro per skola | Frånvaro per skolor',
			2,
			0,
			0,
			0,
			1,
			0,
			0,
			0,
			0,
			1,
			'Skolverket | Kommunen',
			2
		]);
	});

	it("adds a column for one of the seeds' other actors only when a workshop had it", async () => {
		const { gapTable } = await import('./gap-table');
		const plain = gapTable(groupGaps([gap('a', 'Frånvaro per skola', { sector: 'polis' })]));
		expect(plain.header).not.toContain('region');
		const withRegion = gapTable(groupGaps([gap('a', 'Vårdbesök per område', { sector: 'region' })]));
		const column = withRegion.header.indexOf('region');
		expect(column).toBeGreaterThan(withRegion.header.indexOf('annat'));
		expect(withRegion.rows[0]![column]).toBe(1);
	});

	it('gives a sector the facilitator typed in a column of its own, after the known ones', async () => {
		const { gapTable } = await import('./gap-table');
		const table = gapTable(
			groupGaps([gap('a', 'Trygghet i centrum', { sector: 'egen:Svenska kyrkan' }), gap('b', 'Trygghet i centrum', { sector: 'region' })])
		);
		const column = table.header.indexOf('egen:Svenska kyrkan');
		expect(column).toBeGreaterThan(table.header.indexOf('region'));
		expect(column).toBeLessThan(table.header.indexOf('facilitator'));
		expect(table.rows[0]![column]).toBe(1);
	});
});
