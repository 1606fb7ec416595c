import { describe, expect, it } from 'vitest';
import { checkAvailableData, isHttpUrl, normaliseAvailableData, type AvailableData } from './available-data';
import type { Card } from './card';

function card(id: string, kind: Card['kind']): Card {
	return { id, kind, text: id, authorId: 'p1', sector: 'skola', createdAt: '2026-03-01T10:00:00Z' };
}

const board = [card('w1', 'onskvard'), card('w2', 'onskvard'), card('s1', 'samverkan')];

const valid: AvailableData = {
	wishIds: ['w1'],
	source: 'Stockholmsenkäten, Storsthlm',
	level: 'regional',
	uses: ['utforska'],
	url: 'https://example.org/rapport'
};

describe('isHttpUrl', () => {
	it('accepts absolute http and https URLs', () => {
		expect(isHttpUrl('https://www.kolada.se/')).toBe(true);
		expect(isHttpUrl('http://intranat.kommun.se/data?x=1')).toBe(true);
	});

	it('rejects other schemes, relative links and junk', () => {
		for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://x.se', '/relativ', 'www.scb.se', 'https://']) {
			expect(isHttpUrl(url), url).toBe(false);
		}
	});

	it('rejects absurdly long URLs', () => {
		expect(isHttpUrl(`https://x.se/${'a'.repeat(2100)}`)).toBe(false);
	});
});

describe('checkAvailableData', () => {
	it('accepts details that link to existing wishes', () => {
		expect(checkAvailableData(valid, board)).toEqual([]);
	});

	it('requires at least one linked wish', () => {
		expect(checkAvailableData({ ...valid, wishIds: [] }, board)).toEqual(['no-wish']);
	});

	it('refuses links to unknown cards and to cards that are not wishes', () => {
		expect(checkAvailableData({ ...valid, wishIds: ['w1', 'nope'] }, board)).toEqual(['unknown-wish']);
		expect(checkAvailableData({ ...valid, wishIds: ['s1'] }, board)).toEqual(['unknown-wish']);
	});

	it('reports every problem at once', () => {
		const problems = checkAvailableData(
			{
				wishIds: ['w2'],
				source: '  ',
				level: 'global' as AvailableData['level'],
				uses: [],
				url: 'javascript:alert(1)',
				comparability: 'x'.repeat(201)
			},
			board
		);
		expect(problems).toEqual(['source-empty', 'bad-level', 'no-use', 'too-long', 'bad-url']);
	});

	it('accepts each of the seed levels and uses', () => {
		for (const level of ['nationell', 'regional', 'kommunal', 'egenproducerad'] as const) {
			expect(checkAvailableData({ ...valid, level, uses: ['mata-och-malsatta', 'folja-upp'] }, board)).toEqual([]);
		}
	});

	it('treats an empty URL as no URL', () => {
		expect(checkAvailableData({ ...valid, url: '' }, board)).toEqual([]);
	});
});

describe('normaliseAvailableData', () => {
	it('trims, de-duplicates and drops empty optional fields', () => {
		expect(
			normaliseAvailableData({
				wishIds: ['w1', 'w1', 'w2'],
				source: ' SCB ',
				level: 'nationell',
				uses: ['folja-upp', 'utforska', 'folja-upp'],
				frequency: ' årligen ',
				comparability: '  ',
				url: ''
			})
		).toEqual({ wishIds: ['w1', 'w2'], source: 'SCB', level: 'nationell', uses: ['utforska', 'folja-upp'], frequency: 'årligen' });
	});
});
