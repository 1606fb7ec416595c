import { bench, describe } from 'vitest';
import { findLoops } from './loops';
import type { Link, SystemMap } from './map';

/**
 * Loop search on a complete graph of 16 factors (billions of loops) must stop at
 * the cap of 500 quickly: well under 200 ms. The unit test checks only that it
 * stops at the cap; bench/systemmap.bench.ts measures realistic workshop maps.
 */
function completeGraph(size: number): SystemMap {
	const ids = Array.from({ length: size }, (_, i) => `n${i}`);
	const links: Link[] = ids.flatMap((from) =>
		ids.filter((to) => to !== from).map((to) => ({ id: `${from}-${to}`, from, to, polarity: '+' as const }))
	);
	return { factors: ids.map((id) => ({ id, label: id, kind: 'faktor' })), links };
}

const complete16 = completeGraph(16);

describe('findLoops on a graph with billions of loops', () => {
	bench('complete graph of 16 factors, cap of 500 reached', () => {
		const result = findLoops(complete16);
		if (!result.truncated) throw new Error('expected the cap to be reached');
	});
});
