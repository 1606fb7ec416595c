import * as Y from 'yjs';

/**
 * How many entries a root map (a canvas's cards, the indicator readings) holds, in all
 * and per author, kept current by observing the map. The limits are checked on every
 * add, and walking the entries for it (`Y.Map.size` walks them too) cost about 150 µs at
 * 240 cards in a busy server, whose entries lie scattered over the heap, and grows with
 * the canvas, up to its 3,000 cards. An entry's author is set when it is created and
 * never changes.
 */
interface EntryIndex {
	total: number;
	readonly authorOf: Map<string, string>;
	readonly counts: Map<string, number>;
}

const indexes = new WeakMap<Y.Map<unknown>, EntryIndex>();

/** The entries of `root` whose `authorId` is `authorId` (`mine`), and all of its entries. */
export function entryCounts<T>(root: Y.Map<T>, authorId: string): { mine: number; total: number } {
	const index = indexOf(root as Y.Map<unknown>);
	return { mine: index.counts.get(authorId) ?? 0, total: index.total };
}

/** How many entries `root` holds: `Y.Map.size` without walking them. */
export function entryTotal<T>(root: Y.Map<T>): number {
	return indexOf(root as Y.Map<unknown>).total;
}

function indexOf(root: Y.Map<unknown>): EntryIndex {
	const known = indexes.get(root);
	if (known) return known;
	const index: EntryIndex = { total: 0, authorOf: new Map(), counts: new Map() };
	root.forEach((entry, key) => {
		index.total++;
		add(index, key, entry);
	});
	root.observe((event) => {
		event.changes.keys.forEach((change, key) => {
			if (change.action === 'add') index.total++;
			if (change.action === 'delete') index.total--;
			if (change.action !== 'add') remove(index, key);
			if (change.action !== 'delete') add(index, key, root.get(key));
		});
	});
	indexes.set(root, index);
	return index;
}

function add(index: EntryIndex, key: string, entry: unknown): void {
	const authorId = entry instanceof Y.Map ? entry.get('authorId') : undefined;
	if (typeof authorId !== 'string') return;
	index.authorOf.set(key, authorId);
	index.counts.set(authorId, (index.counts.get(authorId) ?? 0) + 1);
}

function remove(index: EntryIndex, key: string): void {
	const authorId = index.authorOf.get(key);
	if (authorId === undefined) return;
	index.authorOf.delete(key);
	const left = (index.counts.get(authorId) ?? 1) - 1;
	if (left > 0) index.counts.set(authorId, left);
	else index.counts.delete(authorId);
}
