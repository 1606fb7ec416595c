import type { SystemMap } from './map';

/** How many causal steps a focus follows; beyond three the whole map lights up. */
export type FocusDepth = 1 | 2 | 3;

export interface FocusSet {
	/** Reached factor ids, including the focused factor itself. */
	factors: Set<string>;
	/** Links on a path of at most `depth` steps to (upstream) or from (downstream) the focus. */
	links: Set<string>;
	/** Steps from the focus to each reached factor (0 for the focus). */
	distance: Map<string, number>;
}

export interface Focus {
	/** What drives the factor. */
	upstream: FocusSet;
	/** What the factor drives. */
	downstream: FocusSet;
}

/**
 * Upstream and downstream neighbourhoods of one factor within `depth` steps, for
 * "what drives X / what does X drive" highlighting. A link is included when it
 * ends (upstream) or starts (downstream) at a factor fewer than `depth` steps
 * away, so every highlighted link is a step on some path of at most `depth`.
 * An unknown factor id gives sets holding nothing but that id.
 */
export function focusFactor(map: SystemMap, options: { factorId: string; depth: FocusDepth }): Focus {
	const depth = Math.min(3, Math.max(1, Math.floor(options.depth)));
	return {
		upstream: walk(map, options.factorId, depth, 'upstream'),
		downstream: walk(map, options.factorId, depth, 'downstream')
	};
}

function walk(map: SystemMap, origin: string, depth: number, direction: 'upstream' | 'downstream'): FocusSet {
	const known = new Set(map.factors.map((factor) => factor.id));
	const distance = new Map<string, number>([[origin, 0]]);
	const links = new Set<string>();
	let frontier = known.has(origin) ? [origin] : [];
	for (let step = 1; step <= depth && frontier.length > 0; step++) {
		const current = new Set(frontier);
		frontier = [];
		for (const link of map.links) {
			const [near, far] = direction === 'upstream' ? [link.to, link.from] : [link.from, link.to];
			if (!current.has(near) || !known.has(far)) continue;
			links.add(link.id);
			if (!distance.has(far)) {
				distance.set(far, step);
				frontier.push(far);
			}
		}
	}
	return { factors: new Set(distance.keys()), links, distance };
}
