import type { Factor, FactorKind, Link, SystemMap } from './map';
import { escapeXml } from './xml';

const BOX_WIDTH = 150;
const LINE_HEIGHT = 16;
const CHARS_PER_LINE = 20;
const MAX_LINES = 3;
const PARALLEL_GAP = 36;
const FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif";
const COLORS = { ink: '#1f2933', dim: '#9aa5b1', highlight: '#b42318', paper: '#ffffff' };
const KIND_FILL: Record<FactorKind, string> = { faktor: '#ffffff', aktor: '#e8f1fb', insats: '#e9f6ec' };

type Tone = 'ink' | 'dim' | 'highlight';

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
 * or opposite links bend apart so none hides another. Every user text and
 * attribute is escaped. The output depends only on the map content, not on
 * insertion order.
 */
export function mapToSvg(map: SystemMap, options: SvgOptions = {}): string {
	const padding = options.padding ?? 40;
	const boxes = placeBoxes(map.factors);
	const highlight = options.highlight ? { factors: new Set(options.highlight.factors), links: new Set(options.highlight.links) } : null;

	const all = [...boxes.values()];
	const top = (b: Box) => b.y - b.halfHeight - selfLoopRoom(map, b.factor.id);
	const minX =
		extent(
			all.map((b) => b.x - b.halfWidth),
			Math.min
		) - padding;
	const maxX =
		extent(
			all.map((b) => b.x + b.halfWidth),
			Math.max
		) + padding;
	const minY = extent(all.map(top), Math.min) - padding - (options.title ? 36 : 0);
	const maxY =
		extent(
			all.map((b) => b.y + b.halfHeight),
			Math.max
		) + padding;
	const frame = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };

	const arrow = (tone: Tone) =>
		tag(
			'marker',
			{
				id: `arrow-${tone}`,
				viewBox: '0 0 10 10',
				refX: 10,
				refY: 5,
				markerWidth: 7,
				markerHeight: 7,
				orient: 'auto-start-reverse'
			},
			tag('path', { d: 'M0,0 L10,5 L0,10 z', fill: COLORS[tone] })
		);
	const out = [
		tag('title', {}, escapeXml(options.title ?? 'Systemkarta')),
		tag('defs', {}, (['ink', 'dim', 'highlight'] as const).map(arrow).join('')),
		tag('rect', { ...frame, fill: COLORS.paper })
	];
	if (options.title) {
		const heading = { x: minX + padding, y: minY + padding / 2 + 18, 'font-size': 18, 'font-weight': 600 };
		out.push(tag('text', { ...heading, fill: COLORS.ink }, escapeXml(options.title)));
	}

	const links = map.links.filter((l) => boxes.has(l.from) && boxes.has(l.to)).sort(byId);
	const groups = new Map<string, Link[]>();
	for (const link of links) {
		const key = link.from === link.to ? `self ${link.from}` : [link.from, link.to].sort().join(' ');
		groups.set(key, [...(groups.get(key) ?? []), link]);
	}
	for (const group of groups.values()) {
		for (const [index, link] of group.entries()) {
			const tone: Tone = !highlight ? 'ink' : highlight.links.has(link.id) ? 'highlight' : 'dim';
			const source = boxes.get(link.from) as Box;
			const target = boxes.get(link.to) as Box;
			const offset = (index - (group.length - 1) / 2) * PARALLEL_GAP;
			out.push(link.from === link.to ? drawSelfLink(link, source, index, tone) : drawLink(link, source, target, offset, tone));
		}
	}

	for (const box of all.sort((a, b) => byId(a.factor, b.factor))) {
		const emphasis = !highlight ? 'normal' : highlight.factors.has(box.factor.id) ? 'strong' : 'dim';
		out.push(drawFactor(box, emphasis));
	}
	const root = {
		xmlns: 'http://www.w3.org/2000/svg',
		viewBox: [frame.x, frame.y, frame.width, frame.height].map(num).join(' '),
		width: frame.width,
		height: frame.height,
		role: 'img',
		'font-family': FONT,
		'font-size': 13
	};
	return `${tag('svg', root, `\n${out.join('\n')}\n`)}\n`;
}

function placeBoxes(factors: Factor[]): Map<string, Box> {
	const boxes = new Map<string, Box>();
	const make = (factor: Factor, x: number, y: number): Box => {
		const lines = wrap(factor.label);
		return { factor, x, y, lines, halfWidth: BOX_WIDTH / 2, halfHeight: (lines.length * LINE_HEIGHT + 16) / 2 };
	};
	for (const factor of factors) {
		if (factor.x !== undefined && factor.y !== undefined) boxes.set(factor.id, make(factor, factor.x, factor.y));
	}
	const placed = [...boxes.values()];
	const left =
		extent(
			placed.map((b) => b.x - b.halfWidth),
			Math.min
		) +
		BOX_WIDTH / 2;
	const below =
		placed.length === 0
			? 0
			: extent(
					placed.map((b) => b.y + b.halfHeight),
					Math.max
				) + 80;
	const floating = factors.filter((f) => f.x === undefined || f.y === undefined).sort(byId);
	for (const [i, factor] of floating.entries()) boxes.set(factor.id, make(factor, left + i * (BOX_WIDTH + 30), below));
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
	const firstLine = box.y - ((box.lines.length - 1) * LINE_HEIGHT) / 2 + 4.5;
	const tspans = box.lines.map((line, i) => tag('tspan', { x: box.x, y: firstLine + i * LINE_HEIGHT }, escapeXml(line))).join('');
	const shape = {
		x: box.x - box.halfWidth,
		y: box.y - box.halfHeight,
		width: box.halfWidth * 2,
		height: box.halfHeight * 2,
		rx: factor.kind === 'aktor' ? box.halfHeight : factor.kind === 'insats' ? 0 : 6,
		fill: KIND_FILL[factor.kind],
		stroke: emphasis === 'strong' ? COLORS.highlight : emphasis === 'dim' ? COLORS.dim : COLORS.ink,
		'stroke-width': emphasis === 'strong' ? 2.5 : 1.2,
		'stroke-dasharray': factor.kind === 'insats' ? '5 3' : undefined
	};
	const group = { class: `factor factor-${factor.kind}`, opacity: emphasis === 'dim' ? 0.5 : undefined };
	const tooltip = factor.note ? `${factor.label}: ${factor.note}` : factor.label;
	return tag(
		'g',
		group,
		tag('title', {}, escapeXml(tooltip)) + tag('rect', shape) + tag('text', { 'text-anchor': 'middle', fill: COLORS.ink }, tspans)
	);
}

function drawLink(link: Link, source: Box, target: Box, offset: number, tone: Tone): string {
	// The normal is taken along the id-ordered pair so a→b and b→a bend to opposite sides.
	const [first, second] = link.from < link.to ? [source, target] : [target, source];
	const along = unit({ x: second.x - first.x, y: second.y - first.y });
	const control = {
		x: (source.x + target.x) / 2 - along.y * offset * 2,
		y: (source.y + target.y) / 2 + along.x * offset * 2
	};
	const start = clip(source, control);
	const end = clip(target, control);
	const at = (t: number): Point => ({
		x: (1 - t) ** 2 * start.x + 2 * (1 - t) * t * control.x + t ** 2 * end.x,
		y: (1 - t) ** 2 * start.y + 2 * (1 - t) * t * control.y + t ** 2 * end.y
	});
	const tangentAt = (t: number): Point =>
		unit({
			x: 2 * (1 - t) * (control.x - start.x) + 2 * t * (end.x - control.x),
			y: 2 * (1 - t) * (control.y - start.y) + 2 * t * (end.y - control.y)
		});
	const d = `M${num(start.x)},${num(start.y)} Q${num(control.x)},${num(control.y)} ${num(end.x)},${num(end.y)}`;
	const parts = [tag('path', { d, ...stroke(tone) })];
	const signAt = at(0.85);
	const signTangent = tangentAt(0.85);
	parts.push(polaritySign(link, { x: signAt.x - signTangent.y * 12, y: signAt.y + signTangent.x * 12 }, tone));
	const middle = at(0.5);
	const middleTangent = tangentAt(0.5);
	if (link.delay) parts.push(delayMark(middle, middleTangent, tone));
	if (link.label) {
		// Opposite side from the sign, so the two never collide.
		const position = { x: middle.x + middleTangent.y * 16, y: middle.y - middleTangent.x * 16 + 4 };
		const style = { 'text-anchor': 'middle', 'font-size': 11, fill: COLORS[tone] };
		parts.push(tag('text', { ...position, ...style }, escapeXml(link.label)));
	}
	return tag('g', { class: 'link', 'data-polarity': polarityName(link) }, parts.join(''));
}

function drawSelfLink(link: Link, box: Box, index: number, tone: Tone): string {
	const top = box.y - box.halfHeight;
	const reach = 50 + index * 22;
	const points = [
		[box.x + 24, top],
		[box.x + 60, top - reach],
		[box.x - 60, top - reach],
		[box.x - 24, top]
	].map(([x, y]) => `${num(x as number)},${num(y as number)}`);
	const d = `M${points[0]} C${points.slice(1).join(' ')}`;
	return tag(
		'g',
		{ class: 'link link-self', 'data-polarity': polarityName(link) },
		tag('path', { d, ...stroke(tone) }) + polaritySign(link, { x: box.x - 44, y: top - reach * 0.55 }, tone)
	);
}

function stroke(tone: Tone) {
	return {
		fill: 'none',
		stroke: COLORS[tone],
		'stroke-width': tone === 'highlight' ? 2.5 : 1.4,
		'marker-end': `url(#arrow-${tone})`
	};
}

function polaritySign(link: Link, at: Point, tone: Tone): string {
	// U+2212 rather than a hyphen: a hyphen is too short to read as a sign in print.
	const sign = link.polarity === '+' ? '+' : '\u2212';
	const style = { 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 700, fill: COLORS[tone] };
	return tag('circle', { cx: at.x, cy: at.y, r: 8, fill: COLORS.paper }) + tag('text', { x: at.x, y: at.y + 5, ...style }, sign);
}

function delayMark(at: Point, tangent: Point, tone: Tone): string {
	const bars = [-3, 3].map((shift) => {
		const cx = at.x + tangent.x * shift;
		const cy = at.y + tangent.y * shift;
		return `M${num(cx - tangent.y * 8)},${num(cy + tangent.x * 8)} L${num(cx + tangent.y * 8)},${num(cy - tangent.x * 8)}`;
	});
	return tag('path', { class: 'delay', d: bars.join(' '), stroke: COLORS[tone], 'stroke-width': 2 });
}

function polarityName(link: Link): string {
	return link.polarity === '+' ? 'plus' : 'minus';
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

/**
 * One element. Attribute values are escaped here, numbers rounded to 0.1;
 * `children` must already be markup or escaped text.
 */
function tag(name: string, attributes: Record<string, string | number | undefined>, children?: string): string {
	const written = Object.entries(attributes)
		.filter((entry): entry is [string, string | number] => entry[1] !== undefined)
		.map(([key, value]) => ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
		.join('');
	return children === undefined ? `<${name}${written}/>` : `<${name}${written}>${children}</${name}>`;
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
