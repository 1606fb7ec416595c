// The same simulated person against Hocuspocus: one WebSocket per person, every document
// multiplexed on it by name, exactly like HocuspocusProviderWebsocket + one
// HocuspocusProvider per document (and like the Datadialog client's one socket.io
// connection). Written from @hocuspocus/provider 3.4's messages (dist/hocuspocus-provider.esm.js):
//
//   every message      varString documentName, varUint type, payload
//   on open, per doc   Auth (2): varUint 0 (token), varString ''  — no onAuthenticate hook: any token
//                      Sync (0): SyncStep1 with an empty state vector (a fresh page)
//   server             Sync/SyncReply (0/4) SyncStep2 → synced; SyncStep1 → we answer SyncStep2;
//                      update → onUpdate; SyncStatus (8) → one of our updates was applied
//   our changes        Sync (0): update
//
// Unlike the provider, this client keeps no Y.Doc of its own: received updates go to
// `onUpdate` (the worker reads their clock ranges with Y.parseUpdateMeta and keeps one
// replica per document and thread), and `write` makes a change in that replica under the
// person's own Yjs client id and sends it. Awareness is off, as in the Datadialog client.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const MESSAGE_SYNC_REPLY = 4;
const MESSAGE_SYNC_STATUS = 8;
const MESSAGE_CLOSE = 7;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
const AUTH_TOKEN = 0;
/** An empty state vector: a page that has nothing yet. */
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

/** @typedef {{ synced: boolean, waiters: (() => void)[] }} OpenDoc */

export class HocuspocusClient {
	/** @type {Map<string, OpenDoc>} */
	#docs = new Map();
	#prefix;
	#url;
	#options;
	/** @type {WebSocket | null} */
	socket = null;
	#unsynced = 0;
	#destroyed = false;
	/** @type {ReturnType<typeof setTimeout> | null} */
	#retry = null;

	/**
	 * @param {{ url: string, prefix: string, replica: (name: string) => Y.Doc,
	 *   onUpdate: (name: string, update: Uint8Array, step2: boolean) => void, onDisconnect?: () => void,
	 *   onConnectRetry?: (reason: string) => void }} options
	 */
	constructor(options) {
		this.#prefix = options.prefix;
		this.#url = options.url;
		this.#options = options;
		this.#connect();
	}

	#connect() {
		// A connect that stalls (a server too busy to answer the upgrade) is retried, as the provider would.
		const socket = new WebSocket(this.#url, { handshakeTimeout: 10_000 });
		let opened = false;
		socket.binaryType = 'nodebuffer';
		this.socket = socket;
		socket.on('open', () => {
			opened = true;
			for (const name of this.#docs.keys()) this.#attach(name);
		});
		socket.on('message', (/** @type {Buffer} */ data) => this.#receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
		socket.on('close', () => {
			if (this.#destroyed) return;
			if (opened) this.#options.onDisconnect?.();
			else this.#options.onConnectRetry?.('websocket error');
			this.#retry = setTimeout(() => this.#connect(), 1000);
		});
		socket.on('error', () => {
			/* 'close' follows and reconnects */
		});
	}

	/** @param {number} timeoutMs @returns {Promise<void>} */
	connected(timeoutMs) {
		void timeoutMs; // like the provider: connects (and retries) by itself; sync waits with a timeout
		return Promise.resolve();
	}

	/** @param {string} name */
	open(name) {
		if (this.#docs.has(name)) return;
		this.#docs.set(name, { synced: false, waiters: [] });
		if (this.socket?.readyState === WebSocket.OPEN) this.#attach(name);
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

	/**
	 * Makes a change as this person: `change` runs in one transaction on the thread's
	 * replica of the document with the replica's client id set to `clientId`, and the
	 * resulting update is sent. Returns false if the change wrote nothing.
	 * @param {string} name @param {number} clientId @param {() => void} change
	 */
	write(name, clientId, change) {
		const doc = this.#options.replica(name);
		const token = {};
		const captured = { update: /** @type {Uint8Array | null} */ (null) };
		const capture = (/** @type {Uint8Array} */ u, /** @type {unknown} */ origin) => {
			if (origin === token) captured.update = u;
		};
		const own = doc.clientID;
		doc.on('update', capture);
		doc.clientID = clientId;
		try {
			doc.transact(change, token);
		} finally {
			doc.clientID = own;
			doc.off('update', capture);
		}
		const update = captured.update;
		if (!update) return false;
		this.#unsynced++;
		this.#send(name, MESSAGE_SYNC, (e) => {
			encoding.writeVarUint(e, SYNC_UPDATE);
			encoding.writeVarUint8Array(e, update);
		});
		return true;
	}

	/** Our updates the server has not confirmed yet (SyncStatus messages). */
	unsynced() {
		return this.#unsynced;
	}

	destroy() {
		this.#destroyed = true;
		if (this.#retry) clearTimeout(this.#retry);
		this.#docs.clear();
		this.socket?.close();
	}

	/** @param {string} name */
	#attach(name) {
		this.#send(name, MESSAGE_AUTH, (e) => {
			encoding.writeVarUint(e, AUTH_TOKEN);
			encoding.writeVarString(e, '');
		});
		this.#send(name, MESSAGE_SYNC, (e) => {
			encoding.writeVarUint(e, SYNC_STEP1);
			encoding.writeVarUint8Array(e, EMPTY_STATE_VECTOR);
		});
	}

	/** @param {string} name @param {number} type @param {(encoder: encoding.Encoder) => void} write */
	#send(name, type, write) {
		if (this.socket?.readyState !== WebSocket.OPEN) return;
		const encoder = encoding.createEncoder();
		encoding.writeVarString(encoder, `${this.#prefix}/${name}`);
		encoding.writeVarUint(encoder, type);
		write(encoder);
		this.socket.send(encoding.toUint8Array(encoder));
	}

	/** @param {Uint8Array} bytes */
	#receive(bytes) {
		const decoder = decoding.createDecoder(bytes);
		const full = decoding.readVarString(decoder);
		const name = full.slice(this.#prefix.length + 1);
		const entry = this.#docs.get(name);
		if (!entry) return;
		const type = decoding.readVarUint(decoder);
		if (type === MESSAGE_SYNC_STATUS) {
			if (decoding.readVarInt(decoder) === 1) this.#unsynced = Math.max(0, this.#unsynced - 1);
			return;
		}
		if (type === MESSAGE_CLOSE) return;
		if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return; // auth answers, awareness: nothing to do
		const syncType = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (syncType === SYNC_STEP1) {
			// The server asks for what it lacks: answer from the thread's replica.
			const update = Y.encodeStateAsUpdate(this.#options.replica(name), payload);
			this.#send(name, MESSAGE_SYNC, (e) => {
				encoding.writeVarUint(e, SYNC_STEP2);
				encoding.writeVarUint8Array(e, update);
			});
			return;
		}
		this.#options.onUpdate(name, payload, syncType === SYNC_STEP2);
		if (syncType === SYNC_STEP2 && !entry.synced) {
			entry.synced = true;
			entry.waiters.splice(0).forEach((wake) => wake());
		}
	}
}
