import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStorage } from '../persistence/memory';
import { DocRegistry, type UpdateOrigin } from './doc-registry';

function setup(compactEvery = 500) {
	const storage = new MemoryStorage();
	const seen: UpdateOrigin[] = [];
	const docs = new DocRegistry({ storage, compactEvery, onUpdate: (_live, _update, origin) => seen.push(origin) });
	return { storage, docs, seen };
}

function clientUpdate(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('cards').set(text, text);
	return Y.encodeStateAsUpdate(doc);
}

describe('document registry', () => {
	it('loads the stored state before anyone gets the document', async () => {
		const { storage, docs } = setup();
		await storage.appendUpdate('w', 'canvas:plenary', clientUpdate('stored'));
		const live = await docs.get('w', 'canvas:plenary');
		expect(live.doc.getMap('cards').get('stored')).toBe('stored');
	});

	it('hands every concurrent caller the same loaded document', async () => {
		const { docs } = setup();
		const [a, b] = await Promise.all([docs.get('w', 'map:m'), docs.get('w', 'map:m')]);
		expect(a).toBe(b);
	});

	it('stores a client update before applying and broadcasting it', async () => {
		const { storage, docs, seen } = setup();
		const live = await docs.get('w', 'canvas:plenary');
		await docs.applyClientUpdate(live, clientUpdate('a'), 'socket-1');
		expect((await storage.loadDoc('w', 'canvas:plenary')).updates).toHaveLength(1);
		expect(seen).toEqual([{ source: 'client', socketId: 'socket-1' }]);
	});

	it('persists server changes and reports them with a server origin', async () => {
		const { storage, docs, seen } = setup();
		const live = await docs.get('w', 'control');
		await docs.transact(live, (doc) => doc.getMap('state').set('phase', 'samverkan'));
		expect(seen).toEqual([{ source: 'server' }]);
		const reloaded = new Y.Doc();
		for (const u of (await storage.loadDoc('w', 'control')).updates) Y.applyUpdate(reloaded, u);
		expect(reloaded.getMap('state').get('phase')).toBe('samverkan');
	});

	it('compacts the log into a snapshot without losing anything', async () => {
		const { storage, docs } = setup(3);
		const live = await docs.get('w', 'canvas:plenary');
		for (const text of ['a', 'b', 'c', 'd']) await docs.applyClientUpdate(live, clientUpdate(text), 's');
		await live.queue;
		const stored = await storage.loadDoc('w', 'canvas:plenary');
		expect(stored.snapshot).not.toBeNull();
		expect(stored.updates.length).toBeLessThan(4);
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, stored.snapshot!);
		for (const u of stored.updates) Y.applyUpdate(reloaded, u);
		expect([...reloaded.getMap('cards').keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
	});

	it('unloads idle documents that nobody has open, and reloads them intact', async () => {
		const { docs } = setup();
		const live = await docs.get('w', 'canvas:plenary');
		await docs.applyClientUpdate(live, clientUpdate('kept'), 's');
		live.lastActive = 0;
		expect(await docs.unloadIdle({ idleMs: 1000, isInUse: () => false })).toBe(1);
		expect(docs.loaded()).toBe(0);
		const again = await docs.get('w', 'canvas:plenary');
		expect(again).not.toBe(live);
		expect(again.doc.getMap('cards').get('kept')).toBe('kept');
	});

	it('keeps documents that are still open even when idle', async () => {
		const { docs } = setup();
		const live = await docs.get('w', 'canvas:plenary');
		live.lastActive = 0;
		expect(await docs.unloadIdle({ idleMs: 1000, isInUse: () => true })).toBe(0);
	});

	it('does not apply an update that could not be stored', async () => {
		const { storage, docs } = setup();
		const live = await docs.get('w', 'canvas:plenary');
		storage.appendUpdate = async () => {
			throw new Error('disk full');
		};
		await expect(docs.applyClientUpdate(live, clientUpdate('lost'), 's')).rejects.toThrow('disk full');
		expect(live.doc.getMap('cards').has('lost')).toBe(false);
	});
});
