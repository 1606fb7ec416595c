import { describe, expect, it } from 'vitest';
import { parseMapJson } from './import-json';

const valid = {
	title: 'Unga och kriminalitet',
	factors: [
		{ id: 'skola', label: 'Skolnärvaro' },
		{ id: 'brott', label: 'Rekrytering till kriminalitet', kind: 'faktor' },
		{ id: 'fritid', label: 'Fritidsgård', kind: 'insats' }
	],
	links: [
		{ from: 'skola', to: 'brott', polarity: '-' },
		{ from: 'fritid', to: 'skola', polarity: '+' }
	]
};

function errors(text: string) {
	const result = parseMapJson(text);
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.errors;
}

describe('parseMapJson', () => {
	it('reads title, factors and links, defaulting the kind and numbering links without ids', () => {
		const result = parseMapJson(JSON.stringify(valid));
		expect(result).toEqual({
			ok: true,
			title: 'Unga och kriminalitet',
			map: {
				factors: [
					{ id: 'skola', label: 'Skolnärvaro', kind: 'faktor' },
					{ id: 'brott', label: 'Rekrytering till kriminalitet', kind: 'faktor' },
					{ id: 'fritid', label: 'Fritidsgård', kind: 'insats' }
				],
				links: [
					{ id: 'link-1', from: 'skola', to: 'brott', polarity: '-' },
					{ id: 'link-2', from: 'fritid', to: 'skola', polarity: '+' }
				]
			}
		});
	});

	it('keeps given link ids and numbers the others around them', () => {
		const input = {
			factors: valid.factors,
			links: [
				{ from: 'skola', to: 'brott', polarity: '+' },
				{ id: 'link-1', from: 'brott', to: 'skola', polarity: '+' }
			]
		};
		const result = parseMapJson(JSON.stringify(input));
		expect(result.ok && result.map.links.map((link) => link.id)).toEqual(['link-2', 'link-1']);
	});

	it('accepts the typographic minus sign as a negative polarity and a byte-order mark before the JSON', () => {
		const input = { factors: valid.factors, links: [{ from: 'skola', to: 'brott', polarity: '\u2212' }] };
		const result = parseMapJson(`\uFEFF${JSON.stringify(input)}`);
		expect(result.ok && result.map.links[0]?.polarity).toBe('-');
	});

	it('returns an error and no map for a link to an unknown factor', () => {
		const input = { ...valid, links: [{ from: 'skola', to: 'polisen', polarity: '+' }] };
		expect(errors(JSON.stringify(input))).toEqual([{ message: "links[0].to: unknown factor 'polisen'" }]);
	});

	it('returns an error and no map for a bad polarity', () => {
		const input = { ...valid, links: [{ from: 'skola', to: 'brott', polarity: '+-' }] };
		expect(errors(JSON.stringify(input))).toEqual([{ message: "links[0].polarity: polarity must be '+' or '-'" }]);
	});

	it('reports malformed JSON with the line where parsing failed', () => {
		const [error] = errors('{\n  "factors": [\n    { "id": "a", }\n  ]\n}');
		expect(error?.message).toMatch(/^malformed JSON/);
		expect(error?.line).toBe(3);
	});

	it('rejects JSON that is not a map object', () => {
		expect(errors('[]')).toEqual([{ message: 'expected a JSON object with "factors" and "links"' }]);
		expect(errors('{"title": 5, "links": {}}')).toEqual([
			{ message: 'title: must be a string' },
			{ message: 'factors: must be an array' },
			{ message: 'links: must be an array' }
		]);
	});

	it('reports every problem of a file at once', () => {
		const input = {
			factors: [
				{ id: 'a', label: '' },
				{ id: 'a', label: 'A' }
			],
			links: [{ from: 'a', to: 'b', polarity: '?' }]
		};
		expect(errors(JSON.stringify(input)).map((error) => error.message)).toEqual([
			'factors[0].label: label must not be empty',
			"factors[1].id: duplicate factor id 'a'",
			"links[0].to: unknown factor 'b'",
			"links[0].polarity: polarity must be '+' or '-'"
		]);
	});
});
