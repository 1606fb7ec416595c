import { describe, expect, it } from 'vitest';
import { mapToGraphml } from './export-graphml';
import type { SystemMap } from './map';

/**
 * A small XML checker: every tag closes in order, attributes are quoted and
 * unique, one root, and `&` only starts a known entity. Returns the element names.
 */
function parseXml(xml: string): string[] {
	const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
	const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
	const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
	const stack: string[] = [];
	const names: string[] = [];
	let roots = 0;
	for (let position = 0; position < body.length; position = token.lastIndex) {
		token.lastIndex = position;
		const match = token.exec(body);
		if (!match) throw new Error(`not XML at ${position}: ${body.slice(position, position + 40)}`);
		const [, closing, name = '', attributes = '', selfClosing, text] = match;
		if (text !== undefined) {
			if (entity.test(text)) throw new Error(`bare & in ${text}`);
			if (stack.length === 0 && text.trim()) throw new Error('text outside the root');
			continue;
		}
		if (entity.test(attributes)) throw new Error(`bare & in ${attributes}`);
		const attributeNames = [...attributes.matchAll(/([\w.:-]+)=/g)].map((m) => m[1]);
		if (new Set(attributeNames).size !== attributeNames.length) throw new Error(`duplicate attribute in <${name}>`);
		if (closing) {
			if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
			continue;
		}
		if (stack.length === 0) roots++;
		names.push(name);
		if (!selfClosing) stack.push(name);
	}
	if (stack.length > 0 || roots !== 1) throw new Error('unclosed elements or not exactly one root');
	return names;
}

function unescape(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

const tricky: SystemMap = {
	factors: [
		{ id: 'a', label: 'Skola & fritid <åk 7–9>', kind: 'faktor', note: 'Säger "trygg" \'ofta\'', x: 10.5, y: -3, pinned: true },
		{ id: 'b', label: 'Polisen', kind: 'aktor', proposedBySector: 'polis' },
		{ id: 'c', label: 'Fältassistenter\u0007', kind: 'insats' }
	],
	links: [
		{ id: 'l1', from: 'a', to: 'b', polarity: '-', delay: true, label: 'minskar <kraftigt>' },
		{ id: 'l2', from: 'b', to: 'a', polarity: '+' },
		{ id: 'l3', from: 'c', to: 'c', polarity: '+' },
		{ id: 'l4', from: 'c', to: 'ghost', polarity: '+' }
	]
};

describe('mapToGraphml', () => {
	it('writes well-formed XML with a graphml root, declared keys, nodes and directed edges', () => {
		const xml = mapToGraphml(tricky, { title: 'Karta "A" & B' });
		const names = parseXml(xml);
		expect(names[0]).toBe('graphml');
		expect(names.filter((name) => name === 'node')).toHaveLength(3);
		expect(names.filter((name) => name === 'edge')).toHaveLength(3);
		expect(xml).toContain('<graph id="systemkarta" edgedefault="directed">');
		expect(xml).toContain('<key id="e_polarity" for="edge" attr.name="polarity" attr.type="string"/>');
		expect(xml).toContain('<key id="n_kind" for="node" attr.name="kind" attr.type="string"/>');
	});

	it('escapes labels so they read back exactly, and drops characters XML cannot hold', () => {
		const xml = mapToGraphml(tricky, { title: 'Karta "A" & B' });
		const values = (key: string) =>
			[...xml.matchAll(new RegExp(`<data key="${key}">([^<]*)</data>`, 'g'))].map((m) => unescape(m[1] as string));
		expect(values('n_label')).toEqual(['Skola & fritid <åk 7–9>', 'Polisen', 'Fältassistenter']);
		expect(values('n_note')).toEqual(['Säger "trygg" \'ofta\'']);
		expect(values('e_label')).toEqual(['minskar <kraftigt>']);
		expect(values('g_title')).toEqual(['Karta "A" & B']);
	});

	it('stores polarity, kind, delay, sector and position as data', () => {
		const xml = mapToGraphml(tricky);
		expect(xml).toMatch(/<edge id="l1" source="a" target="b">\s*<data key="e_polarity">-<\/data>\s*<data key="e_delay">true<\/data>/);
		expect(xml).toMatch(
			/<node id="b">\s*<data key="n_label">Polisen<\/data>\s*<data key="n_kind">aktor<\/data>\s*<data key="n_sector">polis<\/data>/
		);
		expect(xml).toContain('<data key="n_x">10.5</data>');
		expect(xml).toContain('<data key="n_pinned">true</data>');
	});

	it('leaves out a link to a missing factor, which GraphML readers would reject', () => {
		expect(mapToGraphml(tricky)).not.toContain('ghost');
	});

	it('writes a valid document for an empty map', () => {
		expect(parseXml(mapToGraphml({ factors: [], links: [] }))).toContain('graph');
	});
});
