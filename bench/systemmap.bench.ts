import { bench, describe } from 'vitest';
import { layoutMap } from '../src/lib/charts/map-layout';
import { findLoops } from '../src/lib/domain/systemmap/loops';
import { sampleMap } from '../src/lib/domain/systemmap/sample-map';

// The brief's large workshop map: layout and loops together must stay well under 300 ms.
// Seed 1 has 108 loops; seed 3 has about 490 000, so there the cap of 500 must stop the search early.
const typical = sampleMap({ factors: 150, links: 300, seed: 1 });
const explosive = sampleMap({ factors: 150, links: 300, seed: 3 });

function timed<T>(run: () => T): { result: T; ms: number } {
	const started = performance.now();
	const result = run();
	return { result, ms: performance.now() - started };
}

const layout = timed(() => layoutMap({ factors: typical.factors, links: typical.links }));
const loops = timed(() => findLoops(typical));
const capped = timed(() => findLoops(explosive));
console.log(
	[
		'systemmap, 150 factors / 300 links, one cold run:',
		`layout ${layout.ms.toFixed(1)} ms,`,
		`loops ${loops.ms.toFixed(1)} ms (${loops.result.loops.length} loops),`,
		`total ${(layout.ms + loops.ms).toFixed(1)} ms;`,
		`loops on the explosive map ${capped.ms.toFixed(1)} ms (${capped.result.loops.length}, truncated: ${capped.result.truncated})`
	].join(' ')
);

describe('systemmap, 150 factors and 300 links', () => {
	bench('layout (120 ticks)', () => {
		layoutMap({ factors: typical.factors, links: typical.links });
	});

	bench('loops, 108 in the map', () => {
		findLoops(typical);
	});

	bench('loops, cap of 500 reached', () => {
		findLoops(explosive);
	});

	bench('layout and loops together', () => {
		layoutMap({ factors: explosive.factors, links: explosive.links });
		findLoops(explosive);
	});
});
