import { describe, expect, it } from 'vitest';
import { mapToSvg } from './export-svg';
import type { SystemMap } from './map';

/** Checks tags close in order and `&` only starts an entity; returns element names. */
function elements(svg: string): string[] {
	const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
	const stack: string[] = [];
	const names: string[] = [];
	for (let position = 0; position < svg.length; position = token.lastIndex) {
		token.lastIndex = position;
		const match = token.exec(svg);
		if (!match) throw new Error(`not XML at ${position}: ${svg.slice(position, position + 40)}`);
		const [, closing, name = '', attributes = '', selfClosing, text] = match;
		if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(text ?? attributes)) throw new Error('bare &');
		if (text !== undefined) continue;
		if (closing) {
			if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
		} else {
			names.push(name);
			if (!selfClosing) stack.push(name);
		}
	}
	if (stack.length > 0) throw new Error('unclosed elements');
	return names;
}

const map: SystemMap = {
	factors: [
		{ id: 'a', label: 'Skolnärvaro <hög> & "stabil"', kind: 'faktor', x: 0, y: 0 },
		{ id: 'b', label: 'Rekrytering till kriminalitet bland unga i stadsdelen', kind: 'faktor', x: 300, y: 0 },
		{ id: 'c', label: 'Fritidsgård', kind: 'insats', x: 150, y: 200 },
		{ id: 'd', label: 'Polisen', kind: 'aktor' }
	],
	links: [
		{ id: 'l1', from: 'a', to: 'b', polarity: '-', delay: true },
		{ id: 'l2', from: 'b', to: 'a', polarity: '-', label: 'på sikt' },
		{ id: 'l3', from: 'c', to: 'a', polarity: '+' },
		{ id: 'l4', from: 'c', to: 'c', polarity: '+' },
		{ id: 'l5', from: 'd', to: 'b', polarity: '-' }
	]
};

describe('mapToSvg', () => {
	it('builds a standalone, well-formed SVG with one group per factor and per link', () => {
		const svg = mapToSvg(map, { title: 'Unga & brott' });
		const names = elements(svg.trim());
		expect(names[0]).toBe('svg');
		expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
		expect(svg.match(/<g class="factor /g)).toHaveLength(4);
		expect(svg.match(/<g class="link/g)).toHaveLength(5);
	});

	it('escapes every text a participant typed', () => {
		const svg = mapToSvg(map, { title: '<script>alert(1)</script>' });
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;');
		expect(svg).toContain('Skolnärvaro &lt;hög&gt; &amp;');
	});

	it('marks polarity with + and a true minus sign, and a delay with a double bar', () => {
		const svg = mapToSvg(map);
		expect(svg.match(/>\u2212<\/text>/g)).toHaveLength(3);
		expect(svg.match(/>\+<\/text>/g)).toHaveLength(2);
		expect(svg.match(/class="delay"/g)).toHaveLength(1);
	});

	it('bends two opposite links apart instead of drawing them on top of each other', () => {
		const svg = mapToSvg(map);
		const controls = [...svg.matchAll(/<path d="M[^ ]+ Q([^ ]+) /g)].map((m) => m[1]);
		expect(new Set(controls.slice(0, 2)).size).toBe(2);
	});

	it('draws highlighted links and factors strongly and dims the rest', () => {
		const svg = mapToSvg(map, { highlight: { factors: ['a', 'b'], links: ['l1', 'l2'] } });
		expect(svg.match(/marker-end="url\(#arrow-highlight\)"/g)).toHaveLength(2);
		expect(svg.match(/marker-end="url\(#arrow-dim\)"/g)).toHaveLength(3);
		expect(svg.match(/<g class="factor [^"]+" opacity="0.5">/g)).toHaveLength(2);
	});

	it('shortens a long label to three lines with an ellipsis', () => {
		const long = { ...map, factors: [{ id: 'x', label: 'ord '.repeat(40), kind: 'faktor' as const, x: 0, y: 0 }] };
		const svg = mapToSvg(long);
		expect(svg.match(/<tspan /g)).toHaveLength(3);
		expect(svg).toContain('…</tspan>');
	});

	it('places a factor without a position under the others instead of failing', () => {
		const svg = mapToSvg(map);
		expect(svg).toMatch(/<rect x="-75" y="[\d.]+" width="150" height="[\d.]+" rx="[\d.]+" fill="#e8f1fb"/);
	});

	it('gives the same SVG whatever order factors and links come in', () => {
		const reversed = { factors: [...map.factors].reverse(), links: [...map.links].reverse() };
		expect(mapToSvg(reversed)).toBe(mapToSvg(map));
	});

	it('draws an empty map as a valid empty picture', () => {
		expect(elements(mapToSvg({ factors: [], links: [] }).trim())[0]).toBe('svg');
	});
});
