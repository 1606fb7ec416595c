import type { Factor, Link, SystemMap } from './map';

/**
 * A synthetic map shaped like a workshop's: clusters of about ten factors (one
 * per sector's view) linked densely inside and sparsely between, with mixed
 * polarity. Seeded, so benchmarks and performance tests measure the same map on
 * every run; link endpoints differ, so there are no self-links.
 */
export function sampleMap(options: { factors: number; links: number; seed?: number; clusterSize?: number }): SystemMap {
	const { factors: count, links: linkCount, seed = 1, clusterSize = 10 } = options;
	const random = mulberry32(seed);
	const pick = (n: number) => Math.floor(random() * n);
	const factors: Factor[] = Array.from({ length: count }, (_, i) => ({
		id: `f${String(i).padStart(3, '0')}`,
		label: `Faktor ${i + 1}`,
		kind: i % 10 === 9 ? 'insats' : 'faktor'
	}));
	const links: Link[] = [];
	const clusters = Math.max(1, Math.ceil(count / clusterSize));
	while (links.length < linkCount && count > 1) {
		const from = pick(count);
		const cluster = Math.floor(from / clusterSize);
		const inside = random() < 0.8;
		const targetCluster = inside ? cluster : pick(clusters);
		const first = targetCluster * clusterSize;
		const to = Math.min(count - 1, first + pick(clusterSize));
		if (to === from) continue;
		links.push({
			id: `l${String(links.length).padStart(4, '0')}`,
			from: (factors[from] as Factor).id,
			to: (factors[to] as Factor).id,
			polarity: random() < 0.35 ? '-' : '+'
		});
	}
	return { factors, links };
}

function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
