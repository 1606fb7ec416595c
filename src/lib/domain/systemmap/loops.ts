import type { Link, SystemMap } from './map';

/** Enough for any map a group can discuss; beyond it the UI says "more than N loops". */
export const LOOP_CAP_DEFAULT = 500;

/** R: reinforcing (an even number of '-' links), B: balancing (an odd number). */
export type LoopKind = 'R' | 'B';

export interface Loop {
	/**
	 * Link ids in cycle order joined by a space. Ids hold no whitespace, so the key
	 * is unambiguous, and it tells parallel links apart: a→b with '+' and a→b with
	 * '-' close two different loops.
	 */
	key: string;
	kind: LoopKind;
	/** Factor ids in cycle order, starting at the smallest id (code-unit order). */
	factors: string[];
	/** Link ids in the same order: `links[i]` goes from `factors[i]` to the next factor. */
	links: string[];
}

export interface LoopSearch {
	loops: Loop[];
	/** True when the map has more loops than `cap`; `loops` then holds exactly `cap` of them. */
	truncated: boolean;
	cap: number;
}

interface Graph {
	ids: string[];
	/** Distinct successors of each vertex, ascending. */
	next: number[][];
	prev: number[][];
	/** Links from u to v, sorted by id, under the key `u * n + v`. */
	parallel: Map<number, Link[]>;
}

/**
 * Finds the elementary cycles (feedback loops) of the map with Johnson's
 * algorithm, including self-loops and one loop per combination of parallel links.
 *
 * Vertices are numbered in sorted id order and Johnson starts each search at the
 * smallest vertex of a strongly connected component, so every loop comes out
 * already rotated to its smallest factor id. Same map content therefore gives the
 * same keys and the same order on every client, whatever order the factors and
 * links were inserted in.
 *
 * The search stops as soon as it has found `cap + 1` loops: a dense map can hold
 * millions of cycles and the group only needs to know there are more than N.
 * When truncated, the returned loops are the first `cap` in search order, not
 * the shortest. Results are sorted by length, then key.
 *
 * Links whose ends are not factors of the map are ignored, so a document caught
 * mid-merge (a factor deleted while a link to it still exists) never throws.
 */
export function findLoops(map: SystemMap, options: { cap?: number } = {}): LoopSearch {
	const cap = Math.max(0, Math.floor(options.cap ?? LOOP_CAP_DEFAULT));
	const graph = buildGraph(map);
	const n = graph.ids.length;
	const loops: Loop[] = [];
	let truncated = false;

	const blocked = new Array<boolean>(n).fill(false);
	const blockedBy: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
	const stack: number[] = [];
	let inComponent = new Array<boolean>(n).fill(false);
	let start = 0;

	const emit = (): void => {
		for (const links of parallelChoices(graph, stack)) {
			if (loops.length === cap) {
				truncated = true;
				return;
			}
			loops.push(loopOf(links));
		}
	};

	const unblock = (vertex: number): void => {
		const pending = [vertex];
		for (let u = pending.pop(); u !== undefined; u = pending.pop()) {
			if (!blocked[u]) continue;
			blocked[u] = false;
			const waiting = blockedBy[u] as Set<number>;
			pending.push(...waiting);
			waiting.clear();
		}
	};

	const circuit = (v: number): boolean => {
		let closed = false;
		stack.push(v);
		blocked[v] = true;
		const successors = (graph.next[v] as number[]).filter((w) => inComponent[w]);
		for (const w of successors) {
			if (truncated) break;
			if (w === start) {
				emit();
				closed = true;
			} else if (!blocked[w] && circuit(w)) {
				closed = true;
			}
		}
		if (closed) unblock(v);
		else for (const w of successors) (blockedBy[w] as Set<number>).add(v);
		stack.pop();
		return closed;
	};

	for (start = 0; start < n && !truncated; start++) {
		inComponent = componentOf(graph, start);
		const hasSelfLoop = graph.parallel.has(start * n + start);
		if (!hasSelfLoop && inComponent.filter(Boolean).length < 2) continue;
		for (let v = start; v < n; v++) {
			if (!inComponent[v]) continue;
			blocked[v] = false;
			(blockedBy[v] as Set<number>).clear();
		}
		circuit(start);
	}

	loops.sort((a, b) => a.factors.length - b.factors.length || compare(a.key, b.key));
	return { loops, truncated, cap };
}

/**
 * Rebuilds a loop from its key (or any rotation of its link ids), or returns null
 * when those links no longer form a cycle in the map. Lets a named loop be shown
 * even when the search was truncated before reaching it.
 */
export function loopFromKey(map: SystemMap, key: string): Loop | null {
	const byId = new Map(map.links.map((link) => [link.id, link]));
	const factorIds = new Set(map.factors.map((factor) => factor.id));
	const links: Link[] = [];
	for (const id of key.split(' ')) {
		const link = byId.get(id);
		if (!link || !factorIds.has(link.from) || !factorIds.has(link.to)) return null;
		links.push(link);
	}
	if (links.length === 0) return null;
	const visited = new Set<string>();
	for (const [i, link] of links.entries()) {
		const following = links[(i + 1) % links.length] as Link;
		if (link.to !== following.from || visited.has(link.from)) return null;
		visited.add(link.from);
	}
	let first = 0;
	for (const [i, link] of links.entries()) if (compare(link.from, (links[first] as Link).from) < 0) first = i;
	const rotated = [...links.slice(first), ...links.slice(0, first)];
	return loopOf(rotated);
}

function buildGraph(map: SystemMap): Graph {
	const ids = [...new Set(map.factors.map((factor) => factor.id))].sort(compare);
	const n = ids.length;
	const index = new Map(ids.map((id, i) => [id, i]));
	const next: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
	const prev: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
	const parallel = new Map<number, Link[]>();
	for (const link of map.links) {
		const u = index.get(link.from);
		const v = index.get(link.to);
		if (u === undefined || v === undefined) continue;
		(next[u] as Set<number>).add(v);
		(prev[v] as Set<number>).add(u);
		const key = u * n + v;
		const list = parallel.get(key);
		if (list) list.push(link);
		else parallel.set(key, [link]);
	}
	for (const list of parallel.values()) list.sort((a, b) => compare(a.id, b.id));
	const ascending = (set: Set<number>) => [...set].sort((a, b) => a - b);
	return { ids, next: next.map(ascending), prev: prev.map(ascending), parallel };
}

/**
 * The strongly connected component of `start` in the subgraph of vertices
 * numbered `start` or higher: what can be reached from it and can reach it back.
 */
function componentOf(graph: Graph, start: number): boolean[] {
	const reach = (edges: number[][]): boolean[] => {
		const seen = new Array<boolean>(graph.ids.length).fill(false);
		seen[start] = true;
		const pending = [start];
		for (let u = pending.pop(); u !== undefined; u = pending.pop()) {
			for (const w of edges[u] as number[]) {
				if (w > start && !seen[w]) {
					seen[w] = true;
					pending.push(w);
				}
			}
		}
		return seen;
	};
	const forward = reach(graph.next);
	const backward = reach(graph.prev);
	return forward.map((f, i) => f && (backward[i] as boolean));
}

/** Every way to pick one link per step of a vertex cycle, in lexicographic order. */
function* parallelChoices(graph: Graph, cycle: number[]): Generator<Link[]> {
	const n = graph.ids.length;
	const options = cycle.map((u, i) => graph.parallel.get(u * n + (cycle[(i + 1) % cycle.length] as number)) ?? []);
	const picks = new Array<number>(options.length).fill(0);
	for (;;) {
		yield picks.map((pick, i) => (options[i] as Link[])[pick] as Link);
		let i = picks.length - 1;
		while (i >= 0 && (picks[i] as number) + 1 >= (options[i] as Link[]).length) picks[i--] = 0;
		if (i < 0) return;
		picks[i] = (picks[i] as number) + 1;
	}
}

function loopOf(links: Link[]): Loop {
	const negatives = links.filter((link) => link.polarity === '-').length;
	const ids = links.map((link) => link.id);
	return {
		key: ids.join(' '),
		kind: negatives % 2 === 0 ? 'R' : 'B',
		factors: links.map((link) => link.from),
		links: ids
	};
}

/** Code-unit order: unlike localeCompare it is the same in every browser and locale. */
function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
