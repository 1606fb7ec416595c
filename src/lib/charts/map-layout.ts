import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';

export interface LayoutFactor {
	id: string;
	x?: number;
	y?: number;
	pinned?: boolean;
}

export interface LayoutLink {
	from: string;
	to: string;
}

export interface LayoutPosition {
	id: string;
	x: number;
	y: number;
}

export interface LayoutOptions {
	factors: readonly LayoutFactor[];
	links: readonly LayoutLink[];
	/** Simulation steps; the cooling is stretched or squeezed to end after exactly this many. */
	ticks?: number;
	/**
	 * Starting temperature: 1 rearranges freely ("ordna" from scratch), something
	 * like 0.3 only tidies a map the group has already arranged.
	 */
	alpha?: number;
	/** Size of a factor box as the UI draws it. */
	nodeWidth?: number;
	nodeHeight?: number;
	/** Free space wanted between two boxes, room for an arrow and its sign. */
	gap?: number;
	/** Preferred length of a vertical link; horizontal links get longer in proportion to the box shape. */
	linkDistance?: number;
}

/** d3's default alphaMin: the point where a simulation counts as settled. */
const ALPHA_MIN = 0.001;

interface Node extends SimulationNodeDatum {
	id: string;
}

interface Point {
	x: number;
	y: number;
}

/**
 * "Ordna": runs a d3-force simulation synchronously and returns a position for
 * every factor, in input order, without touching its input.
 *
 * Pinned factors with a position stay exactly where they are (d3's fx/fy), so an
 * arrangement a group made by hand survives; other factors start from their
 * current position, a new factor next to its placed neighbours or else at a spot
 * hashed from its id. The simulation sees the factors in id order and d3-force
 * draws its jiggle from a fixed-seed LCG, so the same input always gives the same
 * output, whatever order the shared document lists the factors in. Positions are
 * rounded to 0.1 px to keep document updates small.
 *
 * Boxes are wide and low, so the simulation runs with x squeezed by the box's
 * aspect ratio: round collision areas there are box-shaped on screen, which keeps
 * side-by-side boxes apart without spreading the map vertically.
 */
export function layoutMap(options: LayoutOptions): LayoutPosition[] {
	const { factors, links, nodeWidth = 150, nodeHeight = 48, gap = 60, linkDistance = 150 } = options;
	const ticks = Math.max(1, Math.floor(options.ticks ?? 120));
	const alpha = Math.min(1, Math.max(ALPHA_MIN, options.alpha ?? 1));
	const squeeze = (nodeHeight + gap) / (nodeWidth + gap);
	const toSimulation = (p: Point): Point => ({ x: p.x * squeeze, y: p.y });

	const byId = new Map<string, LayoutFactor>();
	for (const factor of factors) if (!byId.has(factor.id)) byId.set(factor.id, factor);
	const ids = [...byId.keys()].sort(compare);
	const edges = uniquePairs(links, byId);

	const placed = ids.flatMap((id) => {
		const { x, y } = byId.get(id) as LayoutFactor;
		return x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y) ? [{ id, x, y }] : [];
	});
	const pinnedIds = new Set(placed.filter((p) => byId.get(p.id)?.pinned).map((p) => p.id));
	const anchor = toSimulation(centroid(pinnedIds.size > 0 ? placed.filter((p) => pinnedIds.has(p.id)) : placed));
	const start = new Map(placed.map((p) => [p.id, toSimulation(p)]));
	const adjacent = new Map<string, string[]>(ids.map((id) => [id, []]));
	for (const [a, b] of edges) {
		adjacent.get(a)?.push(b);
		adjacent.get(b)?.push(a);
	}
	const spread = Math.sqrt(ids.length) * linkDistance;
	for (const id of ids) {
		if (start.has(id)) continue;
		const neighbours = (adjacent.get(id) ?? []).flatMap((other) => start.get(other) ?? []);
		const [u, v] = hashPair(id);
		const base = neighbours.length > 0 ? centroid(neighbours) : anchor;
		const reach = neighbours.length > 0 ? linkDistance : spread;
		start.set(id, { x: base.x + (u - 0.5) * reach, y: base.y + (v - 0.5) * reach });
	}

	const nodes: Node[] = ids.map((id) => {
		const position = start.get(id) as Point;
		return pinnedIds.has(id) ? { id, ...position, fx: position.x, fy: position.y } : { id, ...position };
	});
	forceSimulation(nodes)
		.stop()
		.alpha(alpha)
		.alphaDecay(1 - Math.pow(ALPHA_MIN / alpha, 1 / ticks))
		.force(
			'link',
			forceLink<Node, { source: string; target: string }>(edges.map(([source, target]) => ({ source, target })))
				.id((node) => node.id)
				.distance(linkDistance)
		)
		// A coarse Barnes–Hut (theta 1.2) with a cut-off at three link lengths keeps 150
		// factors well under 100 ms; the finer default changes nothing anyone would see.
		.force(
			'charge',
			forceManyBody<Node>()
				.strength(-400)
				.theta(1.2)
				.distanceMax(linkDistance * 3)
		)
		.force('collide', forceCollide<Node>((nodeHeight + gap) / 2).strength(0.9))
		// A gentle pull towards the pinned (or placed) centre keeps separate clusters in view without fighting pins.
		.force('x', forceX<Node>(anchor.x).strength(0.04))
		.force('y', forceY<Node>(anchor.y).strength(0.04))
		.tick(ticks);

	const result = new Map(
		nodes.map((node): [string, LayoutPosition] => {
			const original = byId.get(node.id) as LayoutFactor;
			if (pinnedIds.has(node.id)) return [node.id, { id: node.id, x: original.x as number, y: original.y as number }];
			return [node.id, { id: node.id, x: round((node.x ?? 0) / squeeze), y: round(node.y ?? 0) }];
		})
	);
	return [...byId.keys()].map((id) => result.get(id) as LayoutPosition);
}

export interface ViewBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * The smallest box holding every factor (centre ± half a box) plus padding,
 * grown around its centre to at least `minWidth` × `minHeight` so one or two
 * factors do not fill the screen at a giant zoom.
 */
export function fitViewBox(
	points: readonly Point[],
	options: { padding?: number; nodeWidth?: number; nodeHeight?: number; minWidth?: number; minHeight?: number } = {}
): ViewBox {
	const { padding = 40, nodeWidth = 150, nodeHeight = 48, minWidth = 480, minHeight = 320 } = options;
	if (points.length === 0) return { x: -minWidth / 2, y: -minHeight / 2, width: minWidth, height: minHeight };
	const xs = points.map((p) => p.x);
	const ys = points.map((p) => p.y);
	const left = Math.min(...xs) - nodeWidth / 2 - padding;
	const right = Math.max(...xs) + nodeWidth / 2 + padding;
	const top = Math.min(...ys) - nodeHeight / 2 - padding;
	const bottom = Math.max(...ys) + nodeHeight / 2 + padding;
	const width = Math.max(right - left, minWidth);
	const height = Math.max(bottom - top, minHeight);
	return { x: (left + right - width) / 2, y: (top + bottom - height) / 2, width, height };
}

/** The `viewBox` attribute value for a box. */
export function viewBoxAttribute(box: ViewBox): string {
	return `${box.x} ${box.y} ${box.width} ${box.height}`;
}

/** One undirected pair per linked couple: parallel and opposite links pull once, self-links not at all. */
function uniquePairs(links: readonly LayoutLink[], known: Map<string, LayoutFactor>): [string, string][] {
	const pairs = new Map<string, [string, string]>();
	for (const link of links) {
		if (link.from === link.to || !known.has(link.from) || !known.has(link.to)) continue;
		const pair: [string, string] = compare(link.from, link.to) < 0 ? [link.from, link.to] : [link.to, link.from];
		pairs.set(pair.join(' '), pair);
	}
	return [...pairs.values()].sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
}

/** Two numbers in [0, 1) from an id (FNV-1a), so a new factor's first spot never depends on Math.random. */
function hashPair(id: string): [number, number] {
	let h = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) {
		h ^= id.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	const first = h >>> 0;
	const second = Math.imul(first ^ (first >>> 16), 0x45d9f3b) >>> 0;
	return [first / 2 ** 32, second / 2 ** 32];
}

function centroid(points: readonly Point[]): Point {
	if (points.length === 0) return { x: 0, y: 0 };
	return {
		x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
		y: points.reduce((sum, p) => sum + p.y, 0) / points.length
	};
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}

/** Code-unit order, the same in every browser and locale. */
function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
