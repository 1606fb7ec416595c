import { describe, expect, it } from 'vitest';
import { parseLinksCsv } from './import-csv';

function errors(text: string) {
	const result = parseLinksCsv(text);
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.errors;
}

describe('parseLinksCsv', () => {
	it('creates factors from the names with ids derived from them, and one link per line', () => {
		const result = parseLinksCsv('Skolnärvaro;Rekrytering till kriminalitet;-\nFritidsgård;Skolnärvaro;+\n');
		expect(result).toEqual({
			ok: true,
			title: null,
			map: {
				factors: [
					{ id: 'skolnarvaro', label: 'Skolnärvaro', kind: 'faktor' },
					{ id: 'rekrytering-till-kriminalitet', label: 'Rekrytering till kriminalitet', kind: 'faktor' },
					{ id: 'fritidsgard', label: 'Fritidsgård', kind: 'faktor' }
				],
				links: [
					{ id: 'link-1', from: 'skolnarvaro', to: 'rekrytering-till-kriminalitet', polarity: '-' },
					{ id: 'link-2', from: 'fritidsgard', to: 'skolnarvaro', polarity: '+' }
				]
			}
		});
	});

	it('skips a header row in English or Swedish and blank lines', () => {
		for (const header of ['from;to;polarity', 'Från;Till;Polaritet']) {
			const result = parseLinksCsv(`${header}\n\nA;B;+\n`);
			expect(result.ok && result.map.links).toHaveLength(1);
		}
	});

	it('accepts a comma as separator, quoted names and Windows line endings', () => {
		const result = parseLinksCsv('from,to,polarity\r\n"Trygghet, upplevd",Tillit,+\r\n');
		expect(result.ok && result.map.factors.map((factor) => factor.label)).toEqual(['Trygghet, upplevd', 'Tillit']);
	});

	it('gives the same ids every time and keeps two names that slug alike apart', () => {
		const text = 'Ensamhet;Ensamhet!;+\n';
		const first = parseLinksCsv(text);
		expect(first.ok && first.map.factors.map((factor) => factor.id)).toEqual(['ensamhet', 'ensamhet-2']);
		expect(parseLinksCsv(text)).toEqual(first);
	});

	it('accepts a self-link', () => {
		const result = parseLinksCsv('Tillit;Tillit;+');
		expect(result.ok && result.map.links[0]).toMatchObject({ from: 'tillit', to: 'tillit' });
	});

	it('returns an error with the line number and no map for a bad polarity', () => {
		expect(errors('from;to;polarity\nA;B;+\nB;C;?\n')).toEqual([{ line: 3, message: "polarity: expected '+' or '-', got '?'" }]);
	});

	it('returns an error and no map for a missing name or a missing column', () => {
		expect(errors(';B;+\nA;B\n')).toEqual([
			{ line: 1, message: 'from: factor name is missing' },
			{ line: 2, message: "polarity: expected '+' or '-', got ''" }
		]);
	});

	it('returns an error for extra columns with content', () => {
		expect(errors('A;B;+;note\n')).toEqual([{ line: 1, message: 'expected three columns: from;to;polarity' }]);
	});

	it('returns an error and no map for an empty file or a file with only a header', () => {
		expect(errors('')).toEqual([{ message: 'the CSV is empty' }]);
		expect(errors('\uFEFF \n\n')).toEqual([{ message: 'the CSV is empty' }]);
		expect(errors('from;to;polarity\n')).toEqual([{ message: 'the CSV holds no links' }]);
	});

	it('reports an unterminated quote as malformed', () => {
		const [error] = errors('A;B;+\n"C;D;+\n');
		expect(error?.message).toMatch(/^malformed CSV/);
		expect(error?.line).toBe(2);
	});

	it('lists at most fifty errors, then says how many more there were', () => {
		const found = errors(Array.from({ length: 80 }, () => 'A;B;?').join('\n'));
		expect(found).toHaveLength(51);
		expect(found[50]).toEqual({ message: '… and 30 more errors' });
	});

	it('counts lines correctly after a quoted name that spans two lines', () => {
		expect(errors('"Två\nrader";B;+\nA;B;x\n')).toEqual([{ line: 3, message: "polarity: expected '+' or '-', got 'x'" }]);
	});
});
