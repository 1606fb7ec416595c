// The same simulated person against Hocuspocus: one WebSocket per person
// (HocuspocusProviderWebsocket), one HocuspocusProvider per document multiplexed on it,
// exactly as the Datadialog client multiplexes documents on one socket.io connection.
// Awareness is switched off because the Datadialog client sends none either.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export class HocuspocusClient {
	/** @type {Map<string, { doc: Y.Doc, provider: HocuspocusProvider, synced: boolean, waiters: (() => void)[] }>} */
	#docs = new Map();
	#prefix;
	socket;

	/** @param {{ url: string, prefix: string, onDisconnect?: () => void }} options */
	constructor(options) {
		this.#prefix = options.prefix;
		this.socket = new HocuspocusProviderWebsocket({
			url: options.url,
			WebSocketPolyfill: WebSocket,
			// Nobody is idle for 30 s in these scenarios, but never let the check skew a run.
			messageReconnectTimeout: 10 * 60_000
		});
		if (options.onDisconnect) this.socket.on('disconnect', options.onDisconnect);
	}

	/** @param {number} timeoutMs @returns {Promise<void>} */
	connected(timeoutMs) {
		void timeoutMs; // the provider connects (and retries) by itself; sync waits with a timeout
		return Promise.resolve();
	}

	/** @param {string} name */
	open(name) {
		const existing = this.#docs.get(name);
		if (existing) return existing.doc;
		const doc = new Y.Doc();
		const provider = new HocuspocusProvider({
			websocketProvider: this.socket,
			name: `${this.#prefix}/${name}`,
			document: doc,
			awareness: null
		});
		const entry = { doc, provider, synced: false, waiters: /** @type {(() => void)[]} */ ([]) };
		provider.on('synced', () => {
			if (entry.synced) return;
			entry.synced = true;
			entry.waiters.splice(0).forEach((wake) => wake());
		});
		this.#docs.set(name, entry);
		provider.attach();
		return doc;
	}

	/**
	 * @param {string} name
	 * @param {number} timeoutMs
	 * @returns {Promise<void>}
	 */
	whenSynced(name, timeoutMs) {
		const entry = this.#docs.get(name);
		if (!entry) return Promise.reject(new Error(`${name} is not open`));
		if (entry.synced) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`${name} not synced after ${timeoutMs} ms`)), timeoutMs);
			entry.waiters.push(() => {
				clearTimeout(timer);
				resolve();
			});
		});
	}

	/** Local changes the server has not confirmed yet (Hocuspocus' SyncStatus messages). */
	unsynced() {
		let n = 0;
		for (const entry of this.#docs.values()) n += entry.provider.unsyncedChanges;
		return n;
	}

	destroy() {
		for (const entry of this.#docs.values()) {
			entry.provider.destroy();
			entry.doc.destroy();
		}
		this.#docs.clear();
		this.socket.destroy();
	}
}
