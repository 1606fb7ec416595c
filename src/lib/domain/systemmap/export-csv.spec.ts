import { describe, expect, it } from 'vitest';
import { linksToCsv } from './export-csv';
import { parseLinksCsv } from './import-csv';
import type { SystemMap } from './map';

const map: SystemMap = {
	factors: [
		{ id: 'a', label: 'Skolnärvaro', kind: 'faktor' },
		{ id: 'b', label: 'Trygghet; upplevd "i skolan"', kind: 'faktor' },
		{ id: 'c', label: '-1 i betyg', kind: 'faktor' },
		{ id: 'd', label: 'Ensam faktor', kind: 'faktor' }
	],
	links: [
		{ id: 'l1', from: 'a', to: 'b', polarity: '+' },
		{ id: 'l2', from: 'b', to: 'c', polarity: '-' },
		{ id: 'l3', from: 'c', to: 'ghost', polarity: '-' }
	]
};

describe('linksToCsv', () => {
	it('writes a byte-order mark, a header and one semicolon line per link with factor labels', () => {
		expect(linksToCsv(map)).toBe(
			'\uFEFFfrom;to;polarity\r\nSkolnärvaro;"Trygghet; upplevd ""i skolan""";+\r\n"Trygghet; upplevd ""i skolan""";\'-1 i betyg;-\r\n'
		);
	});

	it('guards a tab or carriage return at the start like the archive CSVs do', () => {
		const factors: SystemMap['factors'] = [
			{ id: 'r', label: '\r=1+1', kind: 'faktor' },
			{ id: 't', label: '\tflik', kind: 'faktor' }
		];
		const text = linksToCsv({ factors, links: [{ id: 'x', from: 'r', to: 't', polarity: '+' }] });
		expect(text).toContain('"\'\r=1+1";\'\tflik;+');
	});

	it('can leave out the byte-order mark', () => {
		expect(linksToCsv(map, { bom: false }).startsWith('from;')).toBe(true);
	});

	it('guards a name a spreadsheet would run as a formula, and the importer reads it back unguarded', () => {
		const result = parseLinksCsv(linksToCsv(map));
		expect(result.ok && result.map.factors.map((factor) => factor.label)).toEqual([
			'Skolnärvaro',
			'Trygghet; upplevd "i skolan"',
			'-1 i betyg'
		]);
		expect(result.ok && result.map.links.map((link) => link.polarity)).toEqual(['+', '-']);
	});
});
