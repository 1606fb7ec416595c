import { describe, expect, it } from 'vitest';
import { findLoops, loopFromKey } from './loops';
import type { Link, Polarity, SystemMap } from './map';
import { sampleMap } from './sample-map';

/** `map('a+b', 'b-a')`: one link per spec, `<from><polarity><to>`, ids l1, l2 … in order. */
function map(...specs: string[]): SystemMap {
	const links: Link[] = specs.map((spec, i) => {
		const [, from, polarity, to] = /^(\w+)([+-])(\w+)$/.exec(spec) as RegExpExecArray;
		return { id: `l${i + 1}`, from: from as string, to: to as string, polarity: polarity as Polarity };
	});
	const ids = [...new Set(links.flatMap((link) => [link.from, link.to]))];
	return { factors: ids.map((id) => ({ id, label: id, kind: 'faktor' })), links };
}

function completeGraph(size: number): SystemMap {
	const ids = Array.from({ length: size }, (_, i) => `n${i}`);
	const links: Link[] = ids.flatMap((from) =>
		ids.filter((to) => to !== from).map((to) => ({ id: `${from}-${to}`, from, to, polarity: '+' as const }))
	);
	return { factors: ids.map((id) => ({ id, label: id, kind: 'faktor' })), links };
}

describe('findLoops', () => {
	it('finds no loop in a chain or a tree of causes', () => {
		const result = findLoops(map('a+b', 'b+c', 'a-c', 'c+d'));
		expect(result).toEqual({ loops: [], truncated: false, cap: 500 });
	});

	it('finds no loop in an empty map', () => {
		expect(findLoops({ factors: [], links: [] }).loops).toEqual([]);
	});

	it('treats a factor that feeds itself as a loop of one link', () => {
		const result = findLoops(map('a-a', 'a+b'));
		expect(result.loops).toEqual([{ key: 'l1', kind: 'B', factors: ['a'], links: ['l1'] }]);
	});

	it('finds both loops when a short loop sits inside a longer one', () => {
		// a → b → c → a, and the shortcut b → a closes a → b → a inside it.
		const result = findLoops(map('a+b', 'b+c', 'c+a', 'b+a'));
		expect(result.loops.map((loop) => loop.factors)).toEqual([
			['a', 'b'],
			['a', 'b', 'c']
		]);
		expect(result.loops.map((loop) => loop.links)).toEqual([
			['l1', 'l4'],
			['l1', 'l2', 'l3']
		]);
	});

	it('finds the two halves of a figure eight that share one factor, and no loop through the shared factor twice', () => {
		const result = findLoops(map('a+x', 'x+a', 'x+b', 'b-x'));
		expect(result.loops).toEqual([
			{ key: 'l1 l2', kind: 'R', factors: ['a', 'x'], links: ['l1', 'l2'] },
			{ key: 'l4 l3', kind: 'B', factors: ['b', 'x'], links: ['l4', 'l3'] }
		]);
	});

	it.each([
		[0, 'R'],
		[1, 'B'],
		[2, 'R'],
		[3, 'B']
	] as const)('calls a loop with %i negative links %s', (negatives, kind) => {
		const ring = ['a', 'b', 'c', 'd'];
		const specs = ring.map((from, i) => `${from}${i < negatives ? '-' : '+'}${ring[(i + 1) % ring.length]}`);
		const [loop] = findLoops(map(...specs)).loops;
		expect(loop?.kind).toBe(kind);
		expect(loop?.factors).toEqual(ring);
	});

	it('counts two parallel links of different polarity as two different loops', () => {
		const result = findLoops(map('a+b', 'a-b', 'b+a'));
		expect(result.loops).toEqual([
			{ key: 'l1 l3', kind: 'R', factors: ['a', 'b'], links: ['l1', 'l3'] },
			{ key: 'l2 l3', kind: 'B', factors: ['a', 'b'], links: ['l2', 'l3'] }
		]);
	});

	it('multiplies parallel links along a loop into every combination', () => {
		const result = findLoops(map('a+b', 'a-b', 'b+c', 'b-c', 'c+a'));
		expect(result.loops.map((loop) => loop.key)).toEqual(['l1 l3 l5', 'l1 l4 l5', 'l2 l3 l5', 'l2 l4 l5']);
		expect(result.loops.map((loop) => loop.kind)).toEqual(['R', 'B', 'B', 'R']);
	});

	it('finds all 2365 loops of a complete graph on seven factors when the cap allows', () => {
		const result = findLoops(completeGraph(7), { cap: 10_000 });
		expect(result.loops).toHaveLength(2365);
		expect(result.truncated).toBe(false);
		expect(new Set(result.loops.map((loop) => loop.key)).size).toBe(2365);
	});

	it('stops at the cap on a complete graph and says the list is truncated', () => {
		const result = findLoops(completeGraph(7), { cap: 100 });
		expect(result.truncated).toBe(true);
		expect(result.loops).toHaveLength(100);
		expect(result.cap).toBe(100);
	});

	it('is not truncated when the map has exactly as many loops as the cap', () => {
		const result = findLoops(map('a+b', 'b+a', 'b+c', 'c+b'), { cap: 2 });
		expect(result.loops).toHaveLength(2);
		expect(result.truncated).toBe(false);
	});

	it('stops at the cap instead of enumerating everything, even on a graph with billions of loops', () => {
		// How long that takes is measured in loops.bench.ts.
		const result = findLoops(completeGraph(16));
		expect(result.truncated).toBe(true);
		expect(result.loops).toHaveLength(500);
	});

	it('gives the same loops, keys and order whatever order factors and links were added in', () => {
		const original = sampleMap({ factors: 40, links: 80, seed: 7 });
		const shuffled: SystemMap = {
			factors: [...original.factors].reverse(),
			links: [...original.links].sort((a, b) => (a.to < b.to ? 1 : -1))
		};
		const first = findLoops(original);
		expect(first.loops.length).toBeGreaterThan(10);
		expect(findLoops(shuffled)).toEqual(first);
	});

	it('starts every loop at its smallest factor id', () => {
		const result = findLoops(map('m+k', 'k+z', 'z-m'));
		expect(result.loops[0]?.factors).toEqual(['k', 'z', 'm']);
		expect(result.loops[0]?.key).toBe('l2 l3 l1');
	});

	it('ignores links to factors that are not on the map, as in a document caught mid-merge', () => {
		const broken = map('a+b', 'b+a');
		broken.links.push({ id: 'l9', from: 'b', to: 'ghost', polarity: '+' }, { id: 'l10', from: 'ghost', to: 'a', polarity: '+' });
		expect(findLoops(broken).loops.map((loop) => loop.key)).toEqual(['l1 l2']);
	});
});

describe('loopFromKey', () => {
	it('rebuilds a loop from its key or any rotation of it', () => {
		const current = map('m+k', 'k+z', 'z-m');
		const expected = { key: 'l2 l3 l1', kind: 'B', factors: ['k', 'z', 'm'], links: ['l2', 'l3', 'l1'] };
		expect(loopFromKey(current, 'l2 l3 l1')).toEqual(expected);
		expect(loopFromKey(current, 'l1 l2 l3')).toEqual(expected);
	});

	it('returns null when the links no longer close a loop', () => {
		const current = map('a+b', 'b+c', 'c+a');
		expect(loopFromKey(current, 'l1 l2')).toBeNull();
		expect(loopFromKey(current, 'l1 l2 l9')).toBeNull();
		expect(loopFromKey(current, '')).toBeNull();
	});
});
