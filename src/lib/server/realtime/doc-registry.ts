import * as Y from 'yjs';
import { parseDocName } from '$lib/domain/workshop/documents';
import { migrateDoc, needsMigration } from '$lib/sync/doc-schema';
import type { DocumentStore } from '../persistence/documents';
import { log } from '../log';
import type { RealtimeHooks } from './hooks';

/**
 * Why an update was applied; sharing and storing switch on `source` (hocuspocus'
 * typed origins). `server` updates (every accepted command, import and method
 * change) are shared with this instance's sockets as soon as they are applied and
 * stored right after; `relay` updates came from another instance that already
 * stored them; `load` ones were read from storage.
 */
export type UpdateOrigin = { source: 'server' } | { source: 'relay' } | { source: 'load' };

/** A loaded document as the rest of the server sees it; how it is stored is the registry's business. */
export interface LiveDoc {
	readonly workshopId: string;
	readonly name: string;
	readonly doc: Y.Doc;
}

/** What the registry keeps with each loaded document. */
interface LoadedDoc extends LiveDoc {
	updatesSinceCompaction: number;
	/** The sequence number of the last update of this document in storage that this document holds. */
	storedSeq: number;
	lastActive: number;
	/** Serialises persistence per document so compaction never races an append. */
	queue: Promise<unknown>;
	/** Applied and shared here but not stored yet, oldest first (the database did not answer). */
	readonly unstored: Uint8Array[];
	/** A later attempt to store `unstored`, while the database does not answer. */
	retry: ReturnType<typeof setTimeout> | null;
	retryDelayMs: number;
}

export interface DocRegistryOptions {
	/** Where the update logs are kept. */
	store: DocumentStore;
	compactEvery?: number;
	/**
	 * Whether other instances write to the same store (several instances behind Redis).
	 * Alone, the registry folds the log from the document in memory, which holds every
	 * stored update; shared, it rebuilds from what the database holds.
	 */
	sharedStore?: boolean;
	/** How much applied change may wait for the database before new changes are refused. */
	maxUnstoredBytes?: number;
}

/** New changes are refused while too much applied change waits for the database. */
export class StorageBacklogError extends Error {}

const FIRST_RETRY_MS = 250;
/** Updates replayed between yields to the event loop when compacting from the database. */
const REPLAY_SLICE = 100;
const LAST_RETRY_MS = 10_000;

export class DocRegistry {
	readonly #store: DocumentStore;
	readonly #hooks: RealtimeHooks[] = [];
	readonly #loaded = new WeakMap<LiveDoc, LoadedDoc>();
	readonly #compactEvery: number;
	readonly #sharedStore: boolean;
	readonly #maxUnstoredBytes: number;
	readonly #docs = new Map<string, Promise<LoadedDoc>>();
	#unstoredBytes = 0;

	constructor(options: DocRegistryOptions) {
		this.#store = options.store;
		this.#compactEvery = options.compactEvery ?? 500;
		this.#sharedStore = options.sharedStore ?? false;
		this.#maxUnstoredBytes = options.maxUnstoredBytes ?? 64 * 1024 * 1024;
	}

	/** Registers hooks (the socket server's broadcast, the Redis relay); see RealtimeHooks for when each fires. */
	use(hooks: RealtimeHooks): void {
		this.#hooks.push(hooks);
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

	/** Bytes of applied change this instance has not been able to store yet. */
	unstoredBytes(): number {
		return this.#unstoredBytes;
	}

	/** The document if this instance has it loaded or loading; never loads it. */
	peek(workshopId: string, name: string): Promise<LiveDoc> | undefined {
		return this.#docs.get(`${workshopId}/${name}`);
	}

	/** The registry's record of a document it handed out. */
	#loadedOf(live: LiveDoc): LoadedDoc {
		const loaded = this.#loaded.get(live);
		if (!loaded) throw new Error(`${live.name} of ${live.workshopId} was not loaded by this registry`);
		return loaded;
	}

	async #load(workshopId: string, name: string): Promise<LoadedDoc> {
		const stored = await this.#store.loadDoc(workshopId, name);
		// Our own guid: Yjs would make a random one from 31 calls to crypto, about 0.1 ms a document.
		const doc = new Y.Doc({ gc: true, guid: `${workshopId}/${name}` });
		const origin: UpdateOrigin = { source: 'load' };
		doc.transact(() => {
			if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, origin);
			for (const update of stored.updates) Y.applyUpdate(doc, update, origin);
		}, origin);
		const live: LoadedDoc = {
			workshopId,
			name,
			doc,
			updatesSinceCompaction: stored.updates.length,
			storedSeq: stored.lastSeq,
			lastActive: Date.now(),
			queue: Promise.resolve(),
			unstored: [],
			retry: null,
			retryDelayMs: FIRST_RETRY_MS
		};
		this.#loaded.set(live, live);
		doc.on('update', (update: Uint8Array, updateOrigin: unknown) => this.#afterApply(live, update, updateOrigin));
		this.#migrate(live);
		return live;
	}

	/** Brings a document written in an earlier layout up to date, as a stored server change. */
	#migrate(live: LoadedDoc): void {
		const kind = parseDocName(live.name)?.kind;
		if (!kind || !needsMigration(kind, live.doc)) return;
		let versions = { from: 0, to: 0 };
		live.doc.transact(() => (versions = migrateDoc(kind, live.doc)), { source: 'server' } satisfies UpdateOrigin);
		log.info('doc.migrated', { workshopId: live.workshopId, doc: live.name, ...versions });
	}

	/**
	 * Shares every change at once and stores the ones made here right after, in order.
	 * Sharing does not wait for the disk (as in Hocuspocus); acknowledging does (see
	 * `whenStored`), so what was acknowledged survives a crash. A reader that got a change
	 * the server then lost in a crash is told to start over when it syncs (`isAheadOf`),
	 * and the sender, never acknowledged, sends its command again.
	 */
	#afterApply(live: LoadedDoc, update: Uint8Array, origin: unknown): void {
		const typed = (origin as UpdateOrigin | undefined) ?? { source: 'server' };
		if (typed.source === 'load') return;
		live.lastActive = Date.now();
		for (const hooks of this.#hooks) hooks.onChange?.(live, update, typed);
		if (typed.source === 'relay') return;
		live.unstored.push(update);
		this.#unstoredBytes += update.byteLength;
		this.#storeSoon(live);
	}

	/** Applies an update another instance already stored. */
	applyRelayedUpdate(live: LiveDoc, update: Uint8Array): void {
		Y.applyUpdate(live.doc, update, { source: 'relay' } satisfies UpdateOrigin);
	}

	/**
	 * Runs a server-side change; it is shared at once and resolves once stored. While
	 * too much applied change waits for the database, nothing new is applied.
	 */
	async transact(live: LiveDoc, change: (doc: Y.Doc) => void): Promise<void> {
		if (this.#unstoredBytes > this.#maxUnstoredBytes) {
			throw new StorageBacklogError('too many changes are waiting for the database; try again when it answers');
		}
		live.doc.transact(() => change(live.doc), { source: 'server' } satisfies UpdateOrigin);
		await this.whenStored(live);
	}

	/** Resolves once the stores and compactions queued so far have run, whether or not they succeeded. */
	settled(live: LiveDoc): Promise<void> {
		return this.#loadedOf(live).queue.then(() => undefined);
	}

	/** Resolves once everything applied to the document so far is stored; rejects if the database does not answer. */
	whenStored(doc: LiveDoc): Promise<void> {
		const live = this.#loadedOf(doc);
		return this.#enqueue(live, async () => {
			while (live.unstored.length > 0) {
				const update = live.unstored[0]!;
				const seq = await this.#store.appendUpdate(live.workshopId, live.name, update);
				if (live.unstored[0] !== update) return; // dropped meanwhile: the workshop was deleted
				live.unstored.shift();
				live.storedSeq = Math.max(live.storedSeq, seq);
				this.#unstoredBytes -= update.byteLength;
				live.retryDelayMs = FIRST_RETRY_MS;
				for (const hooks of this.#hooks) hooks.afterStore?.(live, update);
				this.#countAndMaybeCompact(live);
			}
		});
	}

	#storeSoon(live: LoadedDoc): void {
		void this.whenStored(live).catch((error) => {
			if (live.retry) return;
			log.warn('doc.store_failed', { workshopId: live.workshopId, doc: live.name, unstored: live.unstored.length, error });
			live.retry = setTimeout(() => {
				live.retry = null;
				this.#storeSoon(live);
			}, live.retryDelayMs);
			live.retry.unref();
			live.retryDelayMs = Math.min(live.retryDelayMs * 2, LAST_RETRY_MS);
		});
	}

	#enqueue<T>(live: LoadedDoc, task: () => Promise<T>): Promise<T> {
		const run = live.queue.then(task, task);
		live.queue = run.catch(() => undefined);
		return run;
	}

	#countAndMaybeCompact(live: LoadedDoc): void {
		live.updatesSinceCompaction++;
		if (live.updatesSinceCompaction >= this.#compactEvery) {
			void this.#enqueue(live, () => this.#compact(live)).catch((error) =>
				log.error('doc.compact_failed', { workshopId: live.workshopId, doc: live.name, error })
			);
		}
	}

	/** Folds the stored log into one snapshot. */
	async #compact(live: LoadedDoc): Promise<void> {
		if (live.updatesSinceCompaction === 0) return;
		if (this.#sharedStore) await this.#compactFromStore(live);
		else {
			// Alone, every stored update was loaded or applied here before it was stored, so
			// the document in memory holds all of the log. Encoding it takes about a
			// millisecond, where replaying 500 updates stalled the server for 10–20 ms. Not
			// while changes wait to be stored: the snapshot would keep what was never
			// acknowledged. The next stored update tries again.
			if (live.unstored.length > 0) return;
			if (live.storedSeq > 0) {
				await this.#store.compactDoc(live.workshopId, live.name, Y.encodeStateAsUpdate(live.doc), live.storedSeq);
			}
		}
		live.updatesSinceCompaction = 0;
	}

	/**
	 * Built from what the database holds, not from memory, so an update another instance
	 * stored but this one has not seen yet is never dropped. (Applying to a Doc is far
	 * faster than Y.mergeUpdates over thousands of small updates: 1.6 s against
	 * milliseconds.) It yields now and then so one replay does not stall every room.
	 */
	async #compactFromStore(live: LoadedDoc): Promise<void> {
		const stored = await this.#store.loadDoc(live.workshopId, live.name);
		if (stored.updates.length <= 1 && !(stored.updates.length === 1 && stored.snapshot)) return;
		const merged = new Y.Doc({ gc: true });
		if (stored.snapshot) Y.applyUpdate(merged, stored.snapshot);
		for (const [index, update] of stored.updates.entries()) {
			Y.applyUpdate(merged, update);
			if (index % REPLAY_SLICE === REPLAY_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
		}
		await this.#store.compactDoc(live.workshopId, live.name, Y.encodeStateAsUpdate(merged), stored.lastSeq);
		merged.destroy();
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
			if (!live || live.unstored.length > 0 || now - live.lastActive < options.idleMs || options.isInUse(live)) continue;
			await this.#enqueue(live, () => this.#compact(live));
			if (live.unstored.length > 0 || now - live.lastActive < options.idleMs || options.isInUse(live)) continue;
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
			void pending
				.then((live) => {
					if (live.retry) clearTimeout(live.retry);
					this.#unstoredBytes -= live.unstored.reduce((sum, update) => sum + update.byteLength, 0);
					live.unstored.length = 0;
					live.doc.destroy();
				})
				.catch(() => {});
		}
		for (const hooks of this.#hooks) hooks.onDrop?.(workshopId);
	}

	/** Stores what waits and compacts everything loaded; used on graceful shutdown. */
	async flush(): Promise<void> {
		for (const pending of this.#docs.values()) {
			const live = await pending.catch(() => null);
			if (!live) continue;
			if (live.retry) clearTimeout(live.retry);
			await this.whenStored(live).catch((error) =>
				log.error('doc.unstored_at_shutdown', { workshopId: live.workshopId, doc: live.name, unstored: live.unstored.length, error })
			);
			await this.#enqueue(live, () => this.#compact(live)).catch(() => {});
		}
	}
}
