import { describe, expect, it } from 'vitest';
import { sampleMap } from '$lib/domain/systemmap/sample-map';
import { fitViewBox, layoutMap, viewBoxAttribute, type LayoutFactor } from './map-layout';

const ids = ['a', 'b', 'c', 'd', 'e'];
const links = [
	{ from: 'a', to: 'b' },
	{ from: 'b', to: 'c' },
	{ from: 'c', to: 'a' },
	{ from: 'c', to: 'd' },
	{ from: 'd', to: 'e' },
	{ from: 'e', to: 'e' }
];

describe('layoutMap', () => {
	it('returns one finite position per factor, in input order', () => {
		const positions = layoutMap({ factors: ids.map((id) => ({ id })), links });
		expect(positions.map((p) => p.id)).toEqual(ids);
		for (const p of positions) {
			expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
		}
	});

	it('keeps pinned factors exactly where they are', () => {
		const factors: LayoutFactor[] = [
			{ id: 'a', x: 123.456789, y: -98.7654321, pinned: true },
			{ id: 'b', x: 400.1, y: 250.2, pinned: true },
			{ id: 'c', x: 10, y: 10 },
			{ id: 'd' },
			{ id: 'e' }
		];
		const positions = layoutMap({ factors, links });
		expect(positions[0]).toEqual({ id: 'a', x: 123.456789, y: -98.7654321 });
		expect(positions[1]).toEqual({ id: 'b', x: 400.1, y: 250.2 });
		expect(positions[2]).not.toEqual({ id: 'c', x: 10, y: 10 });
	});

	it('gives the same positions for the same input, whatever order the factors and links come in', () => {
		const map = sampleMap({ factors: 60, links: 120, seed: 3 });
		const first = layoutMap({ factors: map.factors, links: map.links });
		const again = layoutMap({ factors: map.factors, links: map.links });
		const shuffled = layoutMap({ factors: [...map.factors].reverse(), links: [...map.links].reverse() });
		expect(again).toEqual(first);
		expect([...shuffled].reverse()).toEqual(first);
	});

	it('does not call Math.random', () => {
		const original = Math.random;
		Math.random = () => {
			throw new Error('Math.random was called');
		};
		try {
			expect(() => layoutMap({ factors: ids.map((id) => ({ id })), links })).not.toThrow();
		} finally {
			Math.random = original;
		}
	});

	it('pushes factors apart until their 150 × 48 boxes no longer overlap, even when all start on one spot', () => {
		const map = sampleMap({ factors: 40, links: 80, seed: 9 });
		const positions = layoutMap({ factors: map.factors.map((f) => ({ id: f.id, x: 0, y: 0 })), links: map.links });
		for (const [i, p] of positions.entries()) {
			for (const q of positions.slice(i + 1)) {
				expect(Math.abs(p.x - q.x) >= 150 || Math.abs(p.y - q.y) >= 48).toBe(true);
			}
		}
	});

	it('only tidies an arranged map when started cool', () => {
		const map = sampleMap({ factors: 30, links: 60, seed: 2 });
		const arranged = layoutMap({ factors: map.factors, links: map.links });
		const factors = arranged.map((p) => ({ ...p }));
		const tidied = layoutMap({ factors, links: map.links, alpha: 0.05 });
		const moved = tidied.map((p, i) => Math.hypot(p.x - (arranged[i]?.x ?? 0), p.y - (arranged[i]?.y ?? 0)));
		expect(Math.max(...moved)).toBeLessThan(60);
	});

	it('starts a new factor next to its placed neighbour rather than anywhere', () => {
		const factors = [{ id: 'a', x: 1000, y: 1000, pinned: true }, { id: 'b', x: -1000, y: -1000, pinned: true }, { id: 'new' }];
		const [, , placed] = layoutMap({ factors, links: [{ from: 'new', to: 'a' }], ticks: 1 });
		expect(Math.hypot((placed?.x ?? 0) - 1000, (placed?.y ?? 0) - 1000)).toBeLessThan(400);
	});

	it('lays out an empty map and ignores links to unknown factors', () => {
		expect(layoutMap({ factors: [], links: [] })).toEqual([]);
		expect(layoutMap({ factors: [{ id: 'a' }], links: [{ from: 'a', to: 'ghost' }] })).toHaveLength(1);
	});
});

describe('fitViewBox', () => {
	it('holds every factor box plus padding', () => {
		const box = fitViewBox(
			[
				{ x: 0, y: 0 },
				{ x: 1000, y: 500 }
			],
			{ padding: 10, nodeWidth: 100, nodeHeight: 40 }
		);
		expect(box).toEqual({ x: -60, y: -30, width: 1120, height: 560 });
		expect(viewBoxAttribute(box)).toBe('-60 -30 1120 560');
	});

	it('grows a tiny map to the minimum size around its centre', () => {
		expect(fitViewBox([{ x: 100, y: 100 }], { padding: 0, nodeWidth: 100, nodeHeight: 50, minWidth: 400, minHeight: 300 })).toEqual({
			x: -100,
			y: -50,
			width: 400,
			height: 300
		});
	});

	it('gives a default box for an empty map', () => {
		expect(fitViewBox([]).width).toBeGreaterThan(0);
	});
});
