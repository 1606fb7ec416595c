import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { MemoryStorage } from '../persistence/memory';
import { DocRegistry, StorageBacklogError, type LiveDoc, type UpdateOrigin } from './doc-registry';

function setup(options: { compactEvery?: number; maxUnstoredBytes?: number } = {}) {
	const storage = new MemoryStorage();
	const seen: UpdateOrigin[] = [];
	const stored: Uint8Array[] = [];
	const docs = new DocRegistry({ store: storage.docs, ...options });
	docs.use({ onChange: (_live, _update, origin) => seen.push(origin), afterStore: (_live, update) => stored.push(update) });
	return { storage, docs, seen, stored };
}

/** Makes the storage fail its writes until the returned function is called. */
function breakWrites(storage: MemoryStorage): () => void {
	const append = storage.docs.appendUpdate.bind(storage.docs);
	storage.docs.appendUpdate = async () => {
		throw new Error('database does not answer');
	};
	return () => {
		storage.docs.appendUpdate = append;
	};
}

function clientUpdate(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('cards').set(text, text);
	return Y.encodeStateAsUpdate(doc);
}

/** An accepted command's change, as the command service applies it. */
const write = (docs: DocRegistry, live: LiveDoc, text: string) => docs.transact(live, (doc) => doc.getMap('cards').set(text, text));

describe('document registry', () => {
	it('loads the stored state before anyone gets the document', async () => {
		const { storage, docs } = setup();
		await storage.docs.appendUpdate('w', 'canvas:plenary', clientUpdate('stored'));
		const live = await docs.get('w', 'canvas:plenary');
		expect(live.doc.getMap('cards').get('stored')).toBe('stored');
	});

	it('hands every concurrent caller the same loaded document', async () => {
		const { docs } = setup();
		const [a, b] = await Promise.all([docs.get('w', 'map:m'), docs.get('w', 'map:m')]);
		expect(a).toBe(b);
	});

	it('shares a change at once and resolves once it is stored', async () => {
		const { storage, docs, seen, stored } = setup();
		const live = await docs.get('w', 'canvas:plenary');
		const applying = write(docs, live, 'a');
		expect(seen).toEqual([{ source: 'server' }]);
		expect(stored).toHaveLength(0);
		await applying;
		expect((await storage.docs.loadDoc('w', 'canvas:plenary')).updates).toHaveLength(1);
		expect(stored).toHaveLength(1);
	});

	it('persists server changes and reports them with a server origin', async () => {
		const { storage, docs, seen } = setup();
		const live = await docs.get('w', 'control');
		await docs.transact(live, (doc) => doc.getMap('state').set('phase', 'samverkan'));
		expect(seen).toEqual([{ source: 'server' }]);
		const reloaded = new Y.Doc();
		for (const u of (await storage.docs.loadDoc('w', 'control')).updates) Y.applyUpdate(reloaded, u);
		expect(reloaded.getMap('state').get('phase')).toBe('samverkan');
	});

	it('compacts the log into a snapshot without losing anything', async () => {
		const { storage, docs } = setup({ compactEvery: 3 });
		const live = await docs.get('w', 'canvas:plenary');
		for (const text of ['a', 'b', 'c', 'd']) await write(docs, live, text);
		await docs.settled(live);
		const stored = await storage.docs.loadDoc('w', 'canvas:plenary');
		expect(stored.snapshot).not.toBeNull();
		expect(stored.updates.length).toBeLessThan(4);
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, stored.snapshot!);
		for (const u of stored.updates) Y.applyUpdate(reloaded, u);
		expect([...reloaded.getMap('cards').keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
	});

	it('compacts from memory when alone, keeping what was loaded from an earlier snapshot and log', async () => {
		const { storage, docs } = setup({ compactEvery: 2 });
		const first = await docs.get('w', 'canvas:plenary');
		for (const text of ['a', 'b', 'c']) await write(docs, first, text);
		await docs.settled(first);
		expect(await docs.unloadIdle({ idleMs: 0, isInUse: () => false })).toBe(1);
		const again = await docs.get('w', 'canvas:plenary');
		for (const text of ['d', 'e']) await write(docs, again, text);
		await docs.settled(again);
		const stored = await storage.docs.loadDoc('w', 'canvas:plenary');
		expect(stored.updates.length).toBeLessThan(2);
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, stored.snapshot!);
		for (const u of stored.updates) Y.applyUpdate(reloaded, u);
		expect([...reloaded.getMap('cards').keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('compacts from the database when other instances share it, so their updates not seen here are kept', async () => {
		const storage = new MemoryStorage();
		const here = new DocRegistry({ store: storage.docs, compactEvery: 2, sharedStore: true });
		const there = new DocRegistry({ store: storage.docs, sharedStore: true });
		const live = await here.get('w', 'canvas:plenary');
		await write(there, await there.get('w', 'canvas:plenary'), 'from-there');
		for (const text of ['a', 'b']) await write(here, live, text);
		await here.settled(live);
		expect(live.doc.getMap('cards').has('from-there')).toBe(false);
		const stored = await storage.docs.loadDoc('w', 'canvas:plenary');
		expect(stored.snapshot).not.toBeNull();
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, stored.snapshot!);
		for (const u of stored.updates) Y.applyUpdate(reloaded, u);
		expect([...reloaded.getMap('cards').keys()].sort()).toEqual(['a', 'b', 'from-there']);
	});

	it('unloads idle documents that nobody has open, and reloads them intact', async () => {
		const { docs } = setup();
		const live = await docs.get('w', 'canvas:plenary');
		await write(docs, live, 'kept');
		expect(await docs.unloadIdle({ idleMs: 0, isInUse: () => false })).toBe(1);
		expect(docs.loaded()).toBe(0);
		const again = await docs.get('w', 'canvas:plenary');
		expect(again).not.toBe(live);
		expect(again.doc.getMap('cards').get('kept')).toBe('kept');
	});

	it('forgets a dropped workshop’s documents and tells its hooks', async () => {
		const { docs } = setup();
		const dropped: string[] = [];
		docs.use({ onDrop: (workshopId) => dropped.push(workshopId) });
		await docs.get('w', 'canvas:plenary');
		await docs.get('other', 'canvas:plenary');
		docs.drop('w');
		expect(dropped).toEqual(['w']);
		expect(docs.peek('w', 'canvas:plenary')).toBeUndefined();
		expect(docs.peek('other', 'canvas:plenary')).toBeDefined();
	});

	it('keeps documents that are still open even when idle', async () => {
		const { docs } = setup();
		await docs.get('w', 'canvas:plenary');
		expect(await docs.unloadIdle({ idleMs: 0, isInUse: () => true })).toBe(0);
		expect(docs.loaded()).toBe(1);
	});

	it('keeps an update it could not store, says so, and stores it once the database answers', async () => {
		const { storage, docs, stored } = setup();
		const live = await docs.get('w', 'canvas:plenary');
		const repair = breakWrites(storage);
		await expect(write(docs, live, 'kept')).rejects.toThrow('does not answer');
		expect(live.doc.getMap('cards').get('kept')).toBe('kept');
		expect(docs.unstoredBytes()).toBeGreaterThan(0);
		await expect(docs.whenStored(live)).rejects.toThrow('does not answer');
		expect(await docs.unloadIdle({ idleMs: 0, isInUse: () => false })).toBe(0);

		repair();
		await write(docs, live, 'after');
		expect(docs.unstoredBytes()).toBe(0);
		expect(stored).toHaveLength(2);
		const reloaded = new Y.Doc();
		for (const u of (await storage.docs.loadDoc('w', 'canvas:plenary')).updates) Y.applyUpdate(reloaded, u);
		expect([...reloaded.getMap('cards').keys()].sort()).toEqual(['after', 'kept']);
	});

	it('retries on its own, so a change is stored even if its writer has gone', async () => {
		vi.useFakeTimers();
		try {
			const { storage, docs } = setup();
			const live = await docs.get('w', 'canvas:plenary');
			const repair = breakWrites(storage);
			await docs.transact(live, (doc) => doc.getMap('cards').set('server', 'server')).catch(() => {});
			repair();
			await vi.advanceTimersByTimeAsync(1000);
			expect(docs.unstoredBytes()).toBe(0);
			expect((await storage.docs.loadDoc('w', 'canvas:plenary')).updates).toHaveLength(1);
		} finally {
			vi.useRealTimers();
		}
	});

	it('refuses new changes while too much waits for the database', async () => {
		const { storage, docs } = setup({ maxUnstoredBytes: 10 });
		const live = await docs.get('w', 'canvas:plenary');
		breakWrites(storage);
		await expect(write(docs, live, 'first')).rejects.toThrow('does not answer');
		await expect(write(docs, live, 'second')).rejects.toBeInstanceOf(StorageBacklogError);
		expect(live.doc.getMap('cards').has('second')).toBe(false);
	});
});
