import type { SystemMap } from './map';
import { escapeXml } from './xml';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

const KEYS = [
	['g_title', 'graph', 'title', 'string'],
	['n_label', 'node', 'label', 'string'],
	['n_kind', 'node', 'kind', 'string'],
	['n_note', 'node', 'note', 'string'],
	['n_indicator', 'node', 'indicatorId', 'string'],
	['n_sector', 'node', 'proposedBySector', 'string'],
	['n_tag', 'node', 'tag', 'string'],
	['n_level', 'node', 'level', 'string'],
	['n_x', 'node', 'x', 'double'],
	['n_y', 'node', 'y', 'double'],
	['n_pinned', 'node', 'pinned', 'boolean'],
	['e_polarity', 'edge', 'polarity', 'string'],
	['e_delay', 'edge', 'delay', 'boolean'],
	['e_label', 'edge', 'label', 'string']
] as const;

/**
 * The map as GraphML, for Gephi, yEd, Kumu-style tools and researchers' scripts.
 * Kind, polarity and the optional fields are declared `<key>` data so those tools
 * can style by them; every text passes `escapeXml`. Links to unknown factors are
 * left out, since GraphML readers reject edges to missing nodes.
 */
export function mapToGraphml(map: SystemMap, options: { title?: string } = {}): string {
	const known = new Set(map.factors.map((factor) => factor.id));
	const data = (key: string, value: string | number | boolean | undefined, indent: string): string[] =>
		value === undefined || value === '' ? [] : [`${indent}<data key="${key}">${escapeXml(String(value))}</data>`];
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<graphml xmlns="${GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GRAPHML_NS} ${GRAPHML_NS}/1.0/graphml.xsd">`,
		...KEYS.map(([id, domain, name, type]) => `\t<key id="${id}" for="${domain}" attr.name="${name}" attr.type="${type}"/>`),
		'\t<graph id="systemkarta" edgedefault="directed">',
		...data('g_title', options.title, '\t\t')
	];
	for (const factor of map.factors) {
		lines.push(`\t\t<node id="${escapeXml(factor.id)}">`);
		lines.push(
			...data('n_label', factor.label, '\t\t\t'),
			...data('n_kind', factor.kind, '\t\t\t'),
			...data('n_note', factor.note, '\t\t\t'),
			...data('n_indicator', factor.indicatorId, '\t\t\t'),
			...data('n_sector', factor.proposedBySector, '\t\t\t'),
			...data('n_tag', factor.tag, '\t\t\t'),
			...data('n_level', factor.level, '\t\t\t'),
			...data('n_x', factor.x, '\t\t\t'),
			...data('n_y', factor.y, '\t\t\t'),
			...data('n_pinned', factor.pinned, '\t\t\t')
		);
		lines.push('\t\t</node>');
	}
	for (const link of map.links) {
		if (!known.has(link.from) || !known.has(link.to)) continue;
		lines.push(
			`\t\t<edge id="${escapeXml(link.id)}" source="${escapeXml(link.from)}" target="${escapeXml(link.to)}">`,
			...data('e_polarity', link.polarity, '\t\t\t'),
			...data('e_delay', link.delay, '\t\t\t'),
			...data('e_label', link.label, '\t\t\t'),
			'\t\t</edge>'
		);
	}
	lines.push('\t</graph>', '</graphml>');
	return `${lines.join('\n')}\n`;
}
