import { it } from 'vitest';
import { sampleMap } from '$lib/domain/systemmap';
import { layoutMap } from '$lib/charts/map-layout';
it('timing', () => {
	const m = sampleMap({ factors: 150, links: 300, seed: 2 });
	for (const ticks of [0, 0, 50, 300, 300, 300]) {
		const t = performance.now();
		layoutMap({ factors: m.factors, links: m.links, ticks });
		console.log('ticks', ticks, (performance.now() - t).toFixed(1));
	}
});
