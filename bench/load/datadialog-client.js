// A Datadialog sync client in plain JS, written from src/lib/sync/PROTOCOL.md and speaking
// the wire protocol itself on a `ws` WebSocket, as the Hocuspocus client beside it does:
// engine.io v4 framing (text "0" open, "2"/"3" ping/pong, "4" + a socket.io packet;
// binary frames are messages as they are) around socket.io v5 packets encoded with the
// app's own parser (src/lib/transport/wire-parser.ts). socket.io-client would do the same
// on the wire, but with several times the JavaScript per message and per connection, and
// the load generator runs hundreds of these in one thread: its own cost would be counted
// as the server's (the Hocuspocus client is equally bare).
//
//   CONNECT auth { workshop, protocol: 5, participant | facilitator, open: [{ doc, sv }] }
//                        → CONNECT or CONNECT_ERROR; the documents opened before connecting
//                          go in `open` with our state vector (base64), as the app's client does
//   server SyncStep2, doc:opened(name, ack) → such a document is synced and open
//   doc:open(name, ack)  → for a document opened later: acked; SyncStep1 follows it without waiting
//   server SyncStep2     → the document is synced
//   server update        → applied to our read-only replica, or, with `onUpdate`, handed
//                          to it unapplied (the load generator reads clock ranges only)
//   edit(name, { client, seq, command }, ack) → the server applies the command, sends its
//                          update to everyone (us included) and acks once stored
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { nowUs } from './stats.js';
import { wireParser } from './wire-parser.js';

const PROTOCOL_VERSION = 5;
/** src/lib/sync/protocol.ts HANDSHAKE_DOCS_MAX */
const HANDSHAKE_DOCS_MAX = 16;
const MESSAGE_SYNC = 0;
/** socket.io packet types (socket.io-parser). */
const CONNECT = 0;
const EVENT = 2;
const ACK = 3;
const CONNECT_ERROR = 4;
/** Like socket.io-client: the first reconnection after about a second. */
const RECONNECT_MS = 1000;
/** Origin of updates from the server, so they are not sent back. */
export const REMOTE = Symbol('remote');

/**
 * @typedef {object} ClientEvents
 * @property {(problem: { code: string, message: string }) => void} [onProblem]
 * @property {(latencyUs: number, ok: boolean) => void} [onAck]  an update was acknowledged as stored
 * @property {() => void} [onDisconnect]
 * @property {(reason: string) => void} [onConnectRetry]  a connection attempt failed below socket.io
 * @property {(name: string, update: Uint8Array, step2: boolean) => void} [onUpdate]  receives every
 *   update (SyncStep2 or update) instead of applying it: the client then keeps no replica, and
 *   asks for documents with an empty state vector (a fresh page) also when it reconnects
 */

/** @typedef {{ doc: Y.Doc, synced: boolean, waiters: (() => void)[] }} OpenDoc */
/** @typedef {{ code: string, message: string }} Problem */
/** @typedef {{ ok: boolean, error?: Problem, value?: unknown }} Answer */

/** An empty state vector: a page that has nothing yet. */
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

/** @param {(encoder: encoding.Encoder) => void} write */
function frame(write) {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

export class DatadialogClient {
	/** @type {Map<string, OpenDoc>} */
	#docs = new Map();
	#events;
	#url;
	#auth;
	/** @type {WebSocket | null} */
	#socket = null;
	#connected = false;
	#destroyed = false;
	/** @type {ReturnType<typeof setTimeout> | null} */
	#retry = null;
	/** Who waits for the first connection: resolve, or reject when the server refuses. */
	/** @type {{ resolve: () => void, reject: (error: Error) => void }[]} */
	#connectWaiters = [];
	/** Acknowledgement callbacks by packet id. */
	/** @type {Map<number, (error: Error | null, answer?: Answer) => void>} */
	#acks = new Map();
	#nextAckId = 0;
	#encoder = new wireParser.Encoder();
	#decoder = new wireParser.Decoder();
	/** Messages sent on `y` or `edit` and not answered yet. */
	#unacknowledged = 0;
	/** When the WebSocket (engine.io) was open, before socket.io's own handshake. */
	transportOpenAtUs = 0;
	/** This client's id and its last command number (see doc-commands.ts). */
	#client;
	#seq = 0;
	/** The documents the current handshake asked to open. @type {Set<string>} */
	#openedByHandshake = new Set();

	/**
	 * @param {{ url: string, workshop: string, participant?: string, facilitator?: string, clientId?: string } & ClientEvents} options
	 */
	constructor(options) {
		this.#events = options;
		this.#client = options.clientId ?? `bench${Math.random().toString(36).slice(2, 12)}`;
		this.#url = `${options.url.replace(/^http/, 'ws').replace(/\/$/, '')}/socket.io/?EIO=4&transport=websocket`;
		this.#auth = {
			workshop: options.workshop,
			protocol: PROTOCOL_VERSION,
			...(options.participant ? { participant: options.participant } : {}),
			...(options.facilitator ? { facilitator: options.facilitator } : {})
		};
		this.#decoder.on('decoded', (/** @type {{ type: number, id?: number, data?: unknown }} */ packet) => this.#receivePacket(packet));
		this.#connect();
	}

	/**
	 * Resolves on the first connection; rejects when the server refuses (CONNECT_ERROR).
	 * @param {number} timeoutMs
	 * @returns {Promise<void>}
	 */
	connected(timeoutMs) {
		if (this.#connected) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`not connected after ${timeoutMs} ms`)), timeoutMs);
			this.#connectWaiters.push({
				resolve: () => {
					clearTimeout(timer);
					resolve();
				},
				reject: (error) => {
					clearTimeout(timer);
					reject(error);
				}
			});
		});
	}

	/** @param {string} name */
	open(name) {
		const existing = this.#docs.get(name);
		if (existing) return existing.doc;
		const doc = new Y.Doc();
		/** @type {OpenDoc} */
		const entry = { doc, synced: false, waiters: [] };
		this.#docs.set(name, entry);
		if (this.#connected) this.#sendOpen(name);
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

	/**
	 * Sends one socket.io event; with `answer`, waits up to `timeoutMs` for its acknowledgement.
	 * @param {string} event
	 * @param {unknown[]} args
	 * @param {(error: Error | null, answer?: Answer) => void} [answer]
	 * @param {number} [timeoutMs]
	 */
	emit(event, args, answer, timeoutMs = 15_000) {
		/** @type {{ type: number, nsp: string, data: unknown[], id?: number }} */
		const packet = { type: EVENT, nsp: '/', data: [event, ...args] };
		if (answer) {
			const id = this.#nextAckId++;
			packet.id = id;
			const timer = setTimeout(() => {
				this.#acks.delete(id);
				answer(new Error('operation has timed out'));
			}, timeoutMs);
			this.#acks.set(id, (error, result) => {
				clearTimeout(timer);
				answer(error, result);
			});
		}
		this.#sendPacket(packet);
	}

	/**
	 * A method command (src/lib/sync/method-commands.ts), e.g. `{ type: 'phase.set', phase }`.
	 * @param {Record<string, unknown>} command
	 * @param {number} timeoutMs
	 * @returns {Promise<void>}
	 */
	command(command, timeoutMs) {
		return new Promise((resolve, reject) => {
			this.emit(
				'command',
				[command],
				(error, result) => {
					if (error) reject(error);
					else if (!result?.ok) reject(new Error(`command ${String(command.type)} refused: ${result?.error?.message ?? '?'}`));
					else resolve();
				},
				timeoutMs
			);
		});
	}

	/**
	 * Sends a command on a shared document (src/lib/sync/doc-commands.ts), e.g.
	 * `{ type: 'card.add', id, kind, text }`; its ack comes once the change is stored.
	 * @param {string} name
	 * @param {Record<string, unknown>} command
	 * @returns {number} the command's number, which the server records as this client's last applied
	 */
	edit(name, command) {
		const sentAt = nowUs();
		this.#unacknowledged++;
		const envelope = { client: this.#client, seq: ++this.#seq, command };
		this.emit('edit', [name, envelope], (error, result) => {
			this.#unacknowledged--;
			this.#events.onAck?.(nowUs() - sentAt, !error && !!result?.ok);
			if (error) this.#events.onProblem?.({ code: 'ack_timeout', message: error.message });
			else if (result && !result.ok) this.#events.onProblem?.(result.error ?? { code: 'unknown', message: 'refused' });
		});
		return envelope.seq;
	}

	/**
	 * Resolves once every message sent so far was answered (local changes stored).
	 * @param {number} timeoutMs
	 * @returns {Promise<void>}
	 */
	async flushed(timeoutMs) {
		const start = Date.now();
		while (this.#unacknowledged > 0) {
			if (Date.now() - start > timeoutMs) throw new Error(`${this.#unacknowledged} messages not answered after ${timeoutMs} ms`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	}

	destroy() {
		this.#destroyed = true;
		if (this.#retry) clearTimeout(this.#retry);
		this.#socket?.close();
		for (const entry of this.#docs.values()) entry.doc.destroy();
		this.#docs.clear();
	}

	#connect() {
		const socket = new WebSocket(this.#url, { handshakeTimeout: 20_000 });
		this.#socket = socket;
		let opened = false;
		socket.on('open', () => {
			opened = true;
			this.transportOpenAtUs ||= nowUs();
		});
		socket.on('message', (/** @type {Buffer} */ data, /** @type {boolean} */ isBinary) => {
			if (isBinary) this.#decode(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
			else this.#receiveText(data.toString());
		});
		socket.on('close', () => {
			const wasConnected = this.#connected;
			this.#connected = false;
			for (const callback of this.#acks.values()) callback(new Error('disconnected'));
			this.#acks.clear();
			if (this.#destroyed) return;
			if (wasConnected) this.#events.onDisconnect?.();
			else if (!opened) this.#events.onConnectRetry?.('websocket error');
			this.#retry = setTimeout(() => this.#connect(), RECONNECT_MS);
		});
		socket.on('error', () => {
			/* 'close' follows and reconnects */
		});
	}

	/** An engine.io text frame: open, ping, or a socket.io packet. @param {string} text */
	#receiveText(text) {
		switch (text[0]) {
			case '0': // engine.io open: socket.io's own handshake follows
				this.#sendPacket({ type: CONNECT, nsp: '/', data: { ...this.#auth, open: this.#handshakeDocs() } });
				return;
			case '2': // ping
				this.#socket?.send('3');
				return;
			case '4':
				this.#decode(text.slice(1));
				return;
			default: // close, noop: the socket's 'close' handles the end
		}
	}

	/** @param {string | Uint8Array} chunk */
	#decode(chunk) {
		this.#decoder.add(chunk);
	}

	/** @param {{ type: number, id?: number, data?: unknown }} packet */
	#receivePacket(packet) {
		if (packet.type === CONNECT) {
			this.#connected = true;
			this.#connectWaiters.splice(0).forEach((waiter) => waiter.resolve());
			for (const name of this.#docs.keys()) if (!this.#openedByHandshake.has(name)) this.#sendOpen(name);
		} else if (packet.type === CONNECT_ERROR) {
			const error = /** @type {{ message?: string, data?: Problem }} */ (packet.data ?? {});
			if (!error.data?.code) {
				this.#events.onConnectRetry?.(error.message ?? 'connect error');
				return;
			}
			this.#connectWaiters.splice(0).forEach((waiter) => waiter.reject(new Error(`refused: ${error.data?.code} ${error.message}`)));
			this.#destroyed = true;
			this.#socket?.close();
		} else if (packet.type === ACK && packet.id !== undefined) {
			const callback = this.#acks.get(packet.id);
			this.#acks.delete(packet.id);
			callback?.(null, /** @type {Answer[]} */ (packet.data)[0]);
		} else if (packet.type === EVENT) {
			const [event, ...args] = /** @type {unknown[]} */ (packet.data);
			if (event === 'y') this.#receive(/** @type {string} */ (args[0]), /** @type {Uint8Array} */ (args[1]));
			else if (event === 'problem') this.#events.onProblem?.(/** @type {Problem} */ (args[0]));
			else if (event === 'doc:opened') {
				const result = /** @type {Answer} */ (args[1]);
				if (!result.ok) this.#events.onProblem?.(result.error ?? { code: 'unknown', message: 'doc:opened refused' });
			}
		}
	}

	/** @param {{ type: number, nsp: string, data?: unknown, id?: number }} packet */
	#sendPacket(packet) {
		const socket = this.#socket;
		if (socket?.readyState !== WebSocket.OPEN) return;
		for (const part of this.#encoder.encode(packet)) {
			socket.send(typeof part === 'string' ? `4${part}` : part);
		}
	}

	/** The documents opened before connecting, with what each copy has, for the handshake. */
	#handshakeDocs() {
		this.#openedByHandshake = new Set([...this.#docs.keys()].slice(0, HANDSHAKE_DOCS_MAX));
		return [...this.#openedByHandshake].map((name) => ({ doc: name, sv: Buffer.from(this.#stateVector(name)).toString('base64') }));
	}

	/** @param {string} name */
	#stateVector(name) {
		const entry = this.#docs.get(name);
		return this.#events.onUpdate || !entry ? EMPTY_STATE_VECTOR : Y.encodeStateVector(entry.doc);
	}

	/** @param {string} name */
	#sendOpen(name) {
		this.emit('doc:open', [name], (error, result) => {
			if (!error && !result?.ok) this.#events.onProblem?.(result?.error ?? { code: 'unknown', message: 'doc:open refused' });
		});
		// Right behind doc:open, as the app's client does: the server answers it once the document is open.
		const vector = this.#stateVector(name);
		this.#send(
			name,
			frame((e) => {
				encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
				encoding.writeVarUint8Array(e, vector);
			})
		);
	}

	/**
	 * @param {string} name
	 * @param {Uint8Array} payload
	 */
	#send(name, payload) {
		this.#unacknowledged++;
		this.emit('y', [name, payload], (error, result) => {
			this.#unacknowledged--;
			if (error) this.#events.onProblem?.({ code: 'ack_timeout', message: error.message });
			else if (result && !result.ok) this.#events.onProblem?.(result.error ?? { code: 'unknown', message: 'refused' });
		});
	}

	/** @param {string} name @param {Uint8Array} bytes */
	#receive(name, bytes) {
		const entry = this.#docs.get(name);
		if (!entry) return;
		const decoder = decoding.createDecoder(bytes);
		if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return; // awareness: not simulated
		const syncType = decoding.readVarUint(decoder);
		const data = decoding.readVarUint8Array(decoder);
		if (syncType === syncProtocol.messageYjsSyncStep1) return; // readers have nothing to give
		if (this.#events.onUpdate) this.#events.onUpdate(name, data, syncType === syncProtocol.messageYjsSyncStep2);
		else Y.applyUpdate(entry.doc, data, REMOTE);
		if (syncType === syncProtocol.messageYjsSyncStep2 && !entry.synced) {
			entry.synced = true;
			entry.waiters.splice(0).forEach((wake) => wake());
		}
	}
}
