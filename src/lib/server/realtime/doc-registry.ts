import * as Y from 'yjs';
import type { Storage } from '../persistence/storage';
import { log } from '../log';

/**
 * Why an update was applied; persistence and broadcasting switch on `source`
 * (hocuspocus' typed origins). `client` updates are persisted before they are
 * applied; `server` updates are persisted right after; `relay` updates came from
 * another instance that already persisted them.
 */
export type UpdateOrigin =
	| { source: 'client'; socketId: string }
	| { source: 'server' }
	| { source: 'relay' }
	| { source: 'load' };

export interface LiveDoc {
	readonly workshopId: string;
	readonly name: string;
	readonly doc: Y.Doc;
	updatesSinceCompaction: number;
	lastActive: number;
	/** Serialises persistence per document so compaction never races an append. */
	queue: Promise<unknown>;
}

export interface DocRegistryOptions {
	storage: Storage;
	/** Called for every change to a loaded document, after it is durable. */
	onUpdate: (live: LiveDoc, update: Uint8Array, origin: UpdateOrigin) => void;
	compactEvery?: number;
}

export class DocRegistry {
	readonly #storage: Storage;
	readonly #onUpdate: DocRegistryOptions['onUpdate'];
	readonly #compactEvery: number;
	readonly #docs = new Map<string, Promise<LiveDoc>>();

	constructor(options: DocRegistryOptions) {
		this.#storage = options.storage;
		this.#onUpdate = options.onUpdate;
		this.#compactEvery = options.compactEvery ?? 500;
	}

	/**
	 * The loaded document, read from storage first if needed. Every caller waits for
	 * the same load, so no client is ever answered from a half-loaded, empty document
	 * (the y-websocket race).
	 */
	get(workshopId: string, name: string): Promise<LiveDoc> {
		const key = `${workshopId}/${name}`;
		let pending = this.#docs.get(key);
		if (!pending) {
			pending = this.#load(workshopId, name);
			this.#docs.set(key, pending);
			pending.catch(() => this.#docs.delete(key));
		}
		return pending;
	}

	loaded(): number {
		return this.#docs.size;
	}

	/** The document if this instance has it loaded or loading; never loads it. */
	peek(workshopId: string, name: string): Promise<LiveDoc> | undefined {
		return this.#docs.get(`${workshopId}/${name}`);
	}

	async #load(workshopId: string, name: string): Promise<LiveDoc> {
		const stored = await this.#storage.loadDoc(workshopId, name);
		const doc = new Y.Doc({ gc: true });
		const origin: UpdateOrigin = { source: 'load' };
		doc.transact(() => {
			if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, origin);
			for (const update of stored.updates) Y.applyUpdate(doc, update, origin);
		}, origin);
		const live: LiveDoc = {
			workshopId,
			name,
			doc,
			updatesSinceCompaction: stored.updates.length,
			lastActive: Date.now(),
			queue: Promise.resolve()
		};
		doc.on('update', (update: Uint8Array, updateOrigin: unknown) => this.#afterApply(live, update, updateOrigin));
		return live;
	}

	#afterApply(live: LiveDoc, update: Uint8Array, origin: unknown): void {
		const typed = origin as UpdateOrigin | undefined;
		if (typed?.source === 'load') return;
		live.lastActive = Date.now();
		if (typed?.source === 'server') {
			// Server writes happen in memory first; persist in order, then tell everyone.
			this.#enqueue(live, async () => {
				await this.#storage.appendUpdate(live.workshopId, live.name, update);
				this.#countAndMaybeCompact(live);
				this.#onUpdate(live, update, typed);
			});
			return;
		}
		this.#onUpdate(live, update, typed ?? { source: 'server' });
	}

	/**
	 * Persists a client's update, then applies it. Resolves once it is on disk, which
	 * is when the client gets its acknowledgement.
	 */
	applyClientUpdate(
		live: LiveDoc,
		update: Uint8Array,
		socketId: string,
		/** Runs in order with other writes, against the state the update will meet; throw to refuse. */
		check?: (doc: Y.Doc) => void
	): Promise<void> {
		return this.#enqueue(live, async () => {
			check?.(live.doc);
			await this.#storage.appendUpdate(live.workshopId, live.name, update);
			Y.applyUpdate(live.doc, update, { source: 'client', socketId } satisfies UpdateOrigin);
			this.#countAndMaybeCompact(live);
		});
	}

	/** Applies an update another instance already persisted. */
	applyRelayedUpdate(live: LiveDoc, update: Uint8Array): void {
		Y.applyUpdate(live.doc, update, { source: 'relay' } satisfies UpdateOrigin);
	}

	/** Runs a server-side change; resolves after it is persisted and broadcast. */
	async transact(live: LiveDoc, change: (doc: Y.Doc) => void): Promise<void> {
		live.doc.transact(() => change(live.doc), { source: 'server' } satisfies UpdateOrigin);
		await live.queue;
	}

	#enqueue<T>(live: LiveDoc, task: () => Promise<T>): Promise<T> {
		const run = live.queue.then(task, task);
		live.queue = run.catch(() => undefined);
		return run;
	}

	#countAndMaybeCompact(live: LiveDoc): void {
		live.updatesSinceCompaction++;
		if (live.updatesSinceCompaction >= this.#compactEvery) {
			void this.#enqueue(live, () => this.#compact(live)).catch((error) =>
				log.error('doc.compact_failed', { workshopId: live.workshopId, doc: live.name, error })
			);
		}
	}

	/**
	 * Folds the stored log into one snapshot. Built from what the database holds, not
	 * from memory, so with several instances an update another instance stored but
	 * this one has not seen yet is never dropped. (Applying to a Doc is far faster
	 * than Y.mergeUpdates; STACK.md.)
	 */
	async #compact(live: LiveDoc): Promise<void> {
		if (live.updatesSinceCompaction === 0) return;
		const stored = await this.#storage.loadDoc(live.workshopId, live.name);
		if (stored.updates.length > 1 || (stored.updates.length === 1 && stored.snapshot)) {
			const merged = new Y.Doc({ gc: true });
			if (stored.snapshot) Y.applyUpdate(merged, stored.snapshot);
			for (const update of stored.updates) Y.applyUpdate(merged, update);
			await this.#storage.compactDoc(live.workshopId, live.name, Y.encodeStateAsUpdate(merged), stored.lastSeq);
			merged.destroy();
		}
		live.updatesSinceCompaction = 0;
	}

	/**
	 * Compacts and drops documents nobody has touched for `idleMs` and that `isInUse`
	 * says have no open connections.
	 */
	async unloadIdle(options: { idleMs: number; isInUse: (live: LiveDoc) => boolean }): Promise<number> {
		let unloaded = 0;
		const now = Date.now();
		for (const [key, pending] of this.#docs) {
			const live = await pending.catch(() => null);
			if (!live || now - live.lastActive < options.idleMs || options.isInUse(live)) continue;
			await this.#enqueue(live, () => this.#compact(live));
			if (now - live.lastActive < options.idleMs || options.isInUse(live)) continue;
			this.#docs.delete(key);
			live.doc.destroy();
			unloaded++;
		}
		return unloaded;
	}

	/** Forgets a workshop's documents (after it was deleted). */
	drop(workshopId: string): void {
		for (const [key, pending] of this.#docs) {
			if (!key.startsWith(`${workshopId}/`)) continue;
			this.#docs.delete(key);
			void pending.then((live) => live.doc.destroy()).catch(() => {});
		}
	}

	/** Compacts everything loaded; used on graceful shutdown. */
	async flush(): Promise<void> {
		for (const pending of this.#docs.values()) {
			const live = await pending.catch(() => null);
			if (live) await this.#enqueue(live, () => this.#compact(live)).catch(() => {});
		}
	}
}
