import type { Factor, FactorKind, Link, SystemMap } from './map';
import { escapeXml } from './xml';

const BOX_WIDTH = 150;
const LINE_HEIGHT = 16;
const CHARS_PER_LINE = 20;
const MAX_LINES = 3;
const PARALLEL_GAP = 36;
const COLORS = { ink: '#1f2933', dim: '#9aa5b1', highlight: '#b42318', paper: '#ffffff' };
const KIND_FILL: Record<FactorKind, string> = { faktor: '#ffffff', aktor: '#e8f1fb', insats: '#e9f6ec' };

export interface SvgOptions {
	title?: string;
	/** Draw these (a loop, a focus) strongly and dim the rest. */
	highlight?: { factors: Iterable<string>; links: Iterable<string> };
	padding?: number;
}

interface Point {
	x: number;
	y: number;
}

interface Box extends Point {
	factor: Factor;
	lines: string[];
	halfWidth: number;
	halfHeight: number;
}

/**
 * A standalone SVG of the map for reports and printing, built as a string so it
 * runs on the server and in tests without a DOM.
 *
 * Factors are drawn at their x/y; any without a position go in a row under the
 * rest, so the export never fails on a half-arranged map. Each link is an arrow
 * with its polarity (+ or −) by the head, a double bar for a delay, and parallel
 * or opposite links bend apart so none hides another. Every user text is escaped.
 * The output depends only on the map content, not on insertion order.
 */
export function mapToSvg(map: SystemMap, options: SvgOptions = {}): string {
	const padding = options.padding ?? 40;
	const boxes = placeBoxes(map.factors);
	const highlight = options.highlight
		? { factors: new Set(options.highlight.factors), links: new Set(options.highlight.links) }
		: null;
	const titleHeight = options.title ? 36 : 0;

	const all = [...boxes.values()];
	const minX = extent(all.map((b) => b.x - b.halfWidth), Math.min) - padding;
	const maxX = extent(all.map((b) => b.x + b.halfWidth), Math.max) + padding;
	const minY = extent(all.map((b) => b.y - b.halfHeight - selfLoopRoom(map, b.factor.id)), Math.min) - padding - titleHeight;
	const maxY = extent(all.map((b) => b.y + b.halfHeight), Math.max) + padding;
	const width = maxX - minX;
	const height = maxY - minY;

	const out = [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(minX)} ${num(minY)} ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" role="img" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="13">`,
		`<title>${escapeXml(options.title ?? 'Systemkarta')}</title>`,
		'<defs>',
		...(['ink', 'dim', 'highlight'] as const).map(
			(tone) =>
				`<marker id="arrow-${tone}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${COLORS[tone]}"/></marker>`
		),
		'</defs>',
		`<rect x="${num(minX)}" y="${num(minY)}" width="${num(width)}" height="${num(height)}" fill="${COLORS.paper}"/>`
	];
	if (options.title) {
		out.push(
			`<text x="${num(minX + padding)}" y="${num(minY + padding / 2 + 18)}" font-size="18" font-weight="600" fill="${COLORS.ink}">${escapeXml(options.title)}</text>`
		);
	}

	const links = [...map.links].filter((l) => boxes.has(l.from) && boxes.has(l.to)).sort(byId);
	const groups = new Map<string, Link[]>();
	for (const link of links) {
		const key = link.from === link.to ? `self ${link.from}` : [link.from, link.to].sort().join(' ');
		groups.set(key, [...(groups.get(key) ?? []), link]);
	}
	for (const group of groups.values()) {
		group.forEach((link, index) => {
			const tone = !highlight ? 'ink' : highlight.links.has(link.id) ? 'highlight' : 'dim';
			const source = boxes.get(link.from) as Box;
			const target = boxes.get(link.to) as Box;
			out.push(
				...(link.from === link.to
					? drawSelfLink(link, source, index, tone)
					: drawLink(link, source, target, (index - (group.length - 1) / 2) * PARALLEL_GAP, tone))
			);
		});
	}

	for (const box of [...boxes.values()].sort((a, b) => byId(a.factor, b.factor))) {
		const emphasis = !highlight ? 'normal' : highlight.factors.has(box.factor.id) ? 'strong' : 'dim';
		out.push(drawFactor(box, emphasis));
	}
	out.push('</svg>');
	return `${out.join('\n')}\n`;
}

function placeBoxes(factors: Factor[]): Map<string, Box> {
	const boxes = new Map<string, Box>();
	const placed = factors.filter((f) => f.x !== undefined && f.y !== undefined);
	const floating = factors.filter((f) => f.x === undefined || f.y === undefined).sort(byId);
	const make = (factor: Factor, x: number, y: number): Box => {
		const lines = wrap(factor.label);
		return { factor, x, y, lines, halfWidth: BOX_WIDTH / 2, halfHeight: (lines.length * LINE_HEIGHT + 16) / 2 };
	};
	for (const factor of placed) boxes.set(factor.id, make(factor, factor.x as number, factor.y as number));
	const placedBoxes = [...boxes.values()];
	const left = extent(placedBoxes.map((b) => b.x - b.halfWidth), Math.min) + BOX_WIDTH / 2;
	const below = placedBoxes.length === 0 ? 0 : extent(placedBoxes.map((b) => b.y + b.halfHeight), Math.max) + 80;
	floating.forEach((factor, i) => boxes.set(factor.id, make(factor, left + i * (BOX_WIDTH + 30), below)));
	return boxes;
}

/** Word wrap to at most three lines, with an ellipsis when the label is longer. */
function wrap(label: string): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of label.split(/\s+/).filter(Boolean)) {
		const candidate = current ? `${current} ${word}` : word;
		if (candidate.length <= CHARS_PER_LINE || !current) current = candidate;
		else {
			lines.push(current);
			current = word;
		}
	}
	if (current) lines.push(current);
	if (lines.length <= MAX_LINES && lines.every((line) => line.length <= CHARS_PER_LINE)) return lines;
	const kept = lines.slice(0, MAX_LINES).map((line) => line.slice(0, CHARS_PER_LINE));
	kept[kept.length - 1] = `${(kept[kept.length - 1] as string).slice(0, CHARS_PER_LINE - 1)}…`;
	return kept;
}

function drawFactor(box: Box, emphasis: 'normal' | 'strong' | 'dim'): string {
	const { factor } = box;
	const radius = factor.kind === 'aktor' ? box.halfHeight : factor.kind === 'insats' ? 0 : 6;
	const stroke = emphasis === 'strong' ? COLORS.highlight : emphasis === 'dim' ? COLORS.dim : COLORS.ink;
	const opacity = emphasis === 'dim' ? ' opacity="0.5"' : '';
	const firstLine = box.y - ((box.lines.length - 1) * LINE_HEIGHT) / 2 + 4.5;
	const tspans = box.lines
		.map((line, i) => `<tspan x="${num(box.x)}" y="${num(firstLine + i * LINE_HEIGHT)}">${escapeXml(line)}</tspan>`)
		.join('');
	const tooltip = factor.note ? `${factor.label}: ${factor.note}` : factor.label;
	return [
		`<g class="factor factor-${factor.kind}"${opacity}>`,
		`<title>${escapeXml(tooltip)}</title>`,
		`<rect x="${num(box.x - box.halfWidth)}" y="${num(box.y - box.halfHeight)}" width="${num(box.halfWidth * 2)}" height="${num(box.halfHeight * 2)}" rx="${num(radius)}" fill="${KIND_FILL[factor.kind]}" stroke="${stroke}" stroke-width="${emphasis === 'strong' ? 2.5 : 1.2}"${factor.kind === 'insats' ? ' stroke-dasharray="5 3"' : ''}/>`,
		`<text text-anchor="middle" fill="${COLORS.ink}">${tspans}</text>`,
		'</g>'
	].join('');
}

function drawLink(link: Link, source: Box, target: Box, offset: number, tone: 'ink' | 'dim' | 'highlight'): string[] {
	// The normal is taken along the id-ordered pair so a→b and b→a bend to opposite sides.
	const [first, second] = link.from < link.to ? [source, target] : [target, source];
	const along = unit({ x: second.x - first.x, y: second.y - first.y });
	const control = {
		x: (source.x + target.x) / 2 - along.y * offset * 2,
		y: (source.y + target.y) / 2 + along.x * offset * 2
	};
	const start = clip(source, control);
	const end = clip(target, control);
	const width = tone === 'highlight' ? 2.5 : 1.4;
	const parts = [
		`<path d="M${num(start.x)},${num(start.y)} Q${num(control.x)},${num(control.y)} ${num(end.x)},${num(end.y)}" fill="none" stroke="${COLORS[tone]}" stroke-width="${width}" marker-end="url(#arrow-${tone})"/>`
	];
	const at = (t: number) => ({
		x: (1 - t) ** 2 * start.x + 2 * (1 - t) * t * control.x + t ** 2 * end.x,
		y: (1 - t) ** 2 * start.y + 2 * (1 - t) * t * control.y + t ** 2 * end.y
	});
	const tangentAt = (t: number) =>
		unit({
			x: 2 * (1 - t) * (control.x - start.x) + 2 * t * (end.x - control.x),
			y: 2 * (1 - t) * (control.y - start.y) + 2 * t * (end.y - control.y)
		});
	const signAt = at(0.85);
	const signTangent = tangentAt(0.85);
	parts.push(polaritySign(link, { x: signAt.x - signTangent.y * 12, y: signAt.y + signTangent.x * 12 }, tone));
	if (link.delay) parts.push(delayMark(at(0.5), tangentAt(0.5), tone));
	if (link.label) {
		const middle = at(0.5);
		parts.push(
			`<text x="${num(middle.x + signTangent.y * 14)}" y="${num(middle.y - signTangent.x * 14)}" text-anchor="middle" font-size="11" fill="${COLORS[tone]}">${escapeXml(link.label)}</text>`
		);
	}
	return [`<g class="link" data-polarity="${link.polarity === '+' ? 'plus' : 'minus'}">`, ...parts, '</g>'];
}

function drawSelfLink(link: Link, box: Box, index: number, tone: 'ink' | 'dim' | 'highlight'): string[] {
	const top = box.y - box.halfHeight;
	const reach = 50 + index * 22;
	const d = `M${num(box.x + 24)},${num(top)} C${num(box.x + 60)},${num(top - reach)} ${num(box.x - 60)},${num(top - reach)} ${num(box.x - 24)},${num(top)}`;
	return [
		`<g class="link link-self" data-polarity="${link.polarity === '+' ? 'plus' : 'minus'}">`,
		`<path d="${d}" fill="none" stroke="${COLORS[tone]}" stroke-width="${tone === 'highlight' ? 2.5 : 1.4}" marker-end="url(#arrow-${tone})"/>`,
		polaritySign(link, { x: box.x - 44, y: top - reach * 0.55 }, tone),
		'</g>'
	];
}

function polaritySign(link: Link, at: Point, tone: 'ink' | 'dim' | 'highlight'): string {
	// U+2212 rather than a hyphen: a hyphen is too short to read as a sign in print.
	const sign = link.polarity === '+' ? '+' : '\u2212';
	return `<circle cx="${num(at.x)}" cy="${num(at.y)}" r="8" fill="${COLORS.paper}"/><text x="${num(at.x)}" y="${num(at.y + 5)}" text-anchor="middle" font-size="15" font-weight="700" fill="${COLORS[tone]}">${sign}</text>`;
}

function delayMark(at: Point, tangent: Point, tone: 'ink' | 'dim' | 'highlight'): string {
	const bars = [-3, 3].map((shift) => {
		const cx = at.x + tangent.x * shift;
		const cy = at.y + tangent.y * shift;
		return `M${num(cx - tangent.y * 8)},${num(cy + tangent.x * 8)} L${num(cx + tangent.y * 8)},${num(cy - tangent.x * 8)}`;
	});
	return `<path class="delay" d="${bars.join(' ')}" stroke="${COLORS[tone]}" stroke-width="2"/>`;
}

/** Where the segment from the box centre towards `toward` leaves the box, plus a small gap. */
function clip(box: Box, toward: Point): Point {
	const direction = unit({ x: toward.x - box.x, y: toward.y - box.y });
	const scale = Math.min(
		direction.x === 0 ? Infinity : box.halfWidth / Math.abs(direction.x),
		direction.y === 0 ? Infinity : box.halfHeight / Math.abs(direction.y)
	);
	return { x: box.x + direction.x * (scale + 3), y: box.y + direction.y * (scale + 3) };
}

function unit(vector: Point): Point {
	const length = Math.hypot(vector.x, vector.y);
	return length < 1e-9 ? { x: 1, y: 0 } : { x: vector.x / length, y: vector.y / length };
}

function selfLoopRoom(map: SystemMap, factorId: string): number {
	const count = map.links.filter((link) => link.from === factorId && link.to === factorId).length;
	return count === 0 ? 0 : 50 + count * 22;
}

/** Smallest or largest value, or 0 for an empty map. */
function extent(values: number[], pick: (...values: number[]) => number): number {
	return values.length === 0 ? 0 : pick(...values);
}

function byId(a: { id: string }, b: { id: string }): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function num(value: number): string {
	return String(Math.round(value * 10) / 10);
}
