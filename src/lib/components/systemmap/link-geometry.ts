import type { Link } from '$lib/domain/systemmap';

export interface Point {
	x: number;
	y: number;
}

export interface BoxSize {
	width: number;
	height: number;
}

/** Where to draw one link on the canvas, in map coordinates. */
export interface LinkShape {
	link: Link;
	/** SVG path from the edge of the source box to the edge of the target box. */
	d: string;
	/** Centre of the polarity badge, near the arrow head. */
	sign: Point;
	/** Middle of the curve, where a delay mark goes, and its direction there. */
	middle: Point;
	tangent: Point;
	/** Where the optional label goes, on the other side of the curve from the badge. */
	labelAt: Point;
}

const PARALLEL_GAP = 36;
const SELF_REACH = 46;

/**
 * Curves for the links between placed factors. Links between the same two factors
 * (a→b and b→a, or parallel ones) bend apart so none hides another, the normal
 * being taken along the id-ordered pair so opposite links bend to opposite sides;
 * a link from a factor to itself is an arc above its box. Links with an end that
 * has no position are left out.
 */
export function linkShapes(links: readonly Link[], positions: ReadonlyMap<string, Point>, box: BoxSize): LinkShape[] {
	const pairs = new Map<string, Link[]>();
	for (const link of links) {
		if (!positions.has(link.from) || !positions.has(link.to)) continue;
		const key = link.from < link.to ? `${link.from} ${link.to}` : `${link.to} ${link.from}`;
		const list = pairs.get(key);
		if (list) list.push(link);
		else pairs.set(key, [link]);
	}
	const shapes: LinkShape[] = [];
	for (const list of pairs.values()) {
		list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		list.forEach((link, index) => {
			const source = positions.get(link.from) as Point;
			const target = positions.get(link.to) as Point;
			if (link.from === link.to) shapes.push(selfShape(link, source, box, index));
			else {
				const offset = list.length === 1 ? 0 : (index - (list.length - 1) / 2) * PARALLEL_GAP;
				shapes.push(curveShape({ link, source, target, offset, box }));
			}
		});
	}
	return shapes;
}

function curveShape(options: { link: Link; source: Point; target: Point; offset: number; box: BoxSize }): LinkShape {
	const { link, source, target, offset, box } = options;
	const [first, second] = link.from < link.to ? [source, target] : [target, source];
	const along = unit({ x: second.x - first.x, y: second.y - first.y });
	const control = {
		x: (source.x + target.x) / 2 - along.y * offset * 2,
		y: (source.y + target.y) / 2 + along.x * offset * 2
	};
	const start = clip(source, control, box);
	const end = clip(target, control, box);
	const at = (t: number): Point => ({
		x: (1 - t) ** 2 * start.x + 2 * (1 - t) * t * control.x + t ** 2 * end.x,
		y: (1 - t) ** 2 * start.y + 2 * (1 - t) * t * control.y + t ** 2 * end.y
	});
	const tangentAt = (t: number): Point =>
		unit({
			x: 2 * (1 - t) * (control.x - start.x) + 2 * t * (end.x - control.x),
			y: 2 * (1 - t) * (control.y - start.y) + 2 * t * (end.y - control.y)
		});
	const signAt = at(0.78);
	const signTangent = tangentAt(0.78);
	const middle = at(0.5);
	const tangent = tangentAt(0.5);
	return {
		link,
		d: `M${num(start.x)},${num(start.y)} Q${num(control.x)},${num(control.y)} ${num(end.x)},${num(end.y)}`,
		sign: { x: signAt.x - signTangent.y * 14, y: signAt.y + signTangent.x * 14 },
		middle,
		tangent,
		labelAt: { x: middle.x + tangent.y * 16, y: middle.y - tangent.x * 16 }
	};
}

function selfShape(link: Link, centre: Point, box: BoxSize, index: number): LinkShape {
	const top = centre.y - box.height / 2;
	const reach = SELF_REACH + index * 20;
	const d = `M${num(centre.x + 24)},${num(top)} C${num(centre.x + 60)},${num(top - reach)} ${num(centre.x - 60)},${num(top - reach)} ${num(centre.x - 24)},${num(top)}`;
	return {
		link,
		d,
		sign: { x: centre.x, y: top - reach * 0.75 - 12 },
		middle: { x: centre.x, y: top - reach * 0.75 },
		tangent: { x: -1, y: 0 },
		labelAt: { x: centre.x + 70, y: top - reach * 0.5 }
	};
}

/** Where the segment from the box centre towards `toward` leaves the box, plus a small gap for the arrow head. */
function clip(centre: Point, toward: Point, box: BoxSize): Point {
	const direction = unit({ x: toward.x - centre.x, y: toward.y - centre.y });
	const scale = Math.min(
		direction.x === 0 ? Infinity : box.width / 2 / Math.abs(direction.x),
		direction.y === 0 ? Infinity : box.height / 2 / Math.abs(direction.y)
	);
	return { x: centre.x + direction.x * (scale + 4), y: centre.y + direction.y * (scale + 4) };
}

function unit(vector: Point): Point {
	const length = Math.hypot(vector.x, vector.y);
	return length < 1e-9 ? { x: 1, y: 0 } : { x: vector.x / length, y: vector.y / length };
}

function num(value: number): string {
	return String(Math.round(value * 10) / 10);
}
