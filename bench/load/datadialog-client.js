// A Datadialog sync client in plain JS, written from src/lib/sync/PROTOCOL.md directly on
// socket.io-client + yjs + y-protocols + lib0 (Node cannot import the app's .ts client).
//
//   handshake auth { workshop, protocol: 3, participant | facilitator }, parser: wireParser
//   doc:open(name, ack)  → acked; we then send SyncStep1 (our state vector)
//   server SyncStep2     → the document is synced
//   server update        → applied to our read-only replica, or, with `onUpdate`, handed
//                          to it unapplied (the load generator reads clock ranges only)
//   edit(name, { client, seq, command }, ack) → the server applies the command, sends its
//                          update to everyone (us included) and acks once stored
import { io } from 'socket.io-client';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { nowUs } from './stats.js';
import { wireParser } from './wire-parser.js';

const PROTOCOL_VERSION = 3;
const MESSAGE_SYNC = 0;
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

/** @typedef {{ doc: Y.Doc, opened: boolean, synced: boolean, waiters: (() => void)[] }} OpenDoc */

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
	/** @type {import('socket.io-client').Socket} */
	socket;
	/** Messages sent on `y` and not answered yet. */
	#unacknowledged = 0;
	/** When the WebSocket (engine.io) was open, before socket.io's own handshake. */
	transportOpenAtUs = 0;
	/** This client's id and its last command number (see doc-commands.ts). */
	#client;
	#seq = 0;

	/**
	 * @param {{ url: string, workshop: string, participant?: string, facilitator?: string, clientId?: string } & ClientEvents} options
	 */
	constructor(options) {
		this.#events = options;
		this.#client = options.clientId ?? `bench${Math.random().toString(36).slice(2, 12)}`;
		const auth = {
			workshop: options.workshop,
			protocol: PROTOCOL_VERSION,
			...(options.participant ? { participant: options.participant } : {}),
			...(options.facilitator ? { facilitator: options.facilitator } : {})
		};
		this.socket = io(options.url, { auth, transports: ['websocket'], parser: wireParser, forceNew: true, timeout: 20_000 });
		this.socket.io.once('open', () => (this.transportOpenAtUs = nowUs()));
		this.socket.on('connect', () => {
			for (const [name, entry] of this.#docs) this.#sendOpen(name, entry);
		});
		this.socket.on('disconnect', () => {
			for (const entry of this.#docs.values()) entry.opened = false;
			this.#events.onDisconnect?.();
		});
		this.socket.on('y', (/** @type {string} */ name, /** @type {Uint8Array | ArrayBuffer} */ payload) => this.#receive(name, payload));
		this.socket.on('problem', (/** @type {{ code: string, message: string }} */ problem) => this.#events.onProblem?.(problem));
	}

	/**
	 * Resolves on the first connection; rejects when the server refuses (connect_error with data).
	 * @param {number} timeoutMs
	 * @returns {Promise<void>}
	 */
	connected(timeoutMs) {
		if (this.socket.connected) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`not connected after ${timeoutMs} ms`)), timeoutMs);
			this.socket.once('connect', () => {
				clearTimeout(timer);
				resolve();
			});
			this.socket.on('connect_error', (/** @type {Error & { data?: { code: string } }} */ error) => {
				if (!error.data?.code) {
					// Transport trouble: socket.io retries by itself (after ~1 s); count it.
					this.#events.onConnectRetry?.(error.message);
					return;
				}
				clearTimeout(timer);
				reject(new Error(`refused: ${error.data.code} ${error.message}`));
			});
		});
	}

	/** @param {string} name */
	open(name) {
		const existing = this.#docs.get(name);
		if (existing) return existing.doc;
		const doc = new Y.Doc();
		/** @type {OpenDoc} */
		const entry = { doc, opened: false, synced: false, waiters: [] };
		this.#docs.set(name, entry);
		if (this.socket.connected) this.#sendOpen(name, entry);
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
	 * A method command (src/lib/sync/method-commands.ts), e.g. `{ type: 'phase.set', phase }`.
	 * @param {Record<string, unknown>} command
	 * @param {number} timeoutMs
	 * @returns {Promise<void>}
	 */
	command(command, timeoutMs) {
		return new Promise((resolve, reject) => {
			this.socket
				.timeout(timeoutMs)
				.emit(
					'command',
					command,
					(/** @type {Error | null} */ error, /** @type {{ ok: boolean, error?: { code: string, message: string } }} */ result) => {
						if (error) reject(error);
						else if (!result?.ok) reject(new Error(`command ${String(command.type)} refused: ${result?.error?.message ?? '?'}`));
						else resolve();
					}
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
		this.socket
			.timeout(15_000)
			.emit(
				'edit',
				name,
				envelope,
				(/** @type {Error | null} */ error, /** @type {{ ok: boolean, error?: { code: string, message: string } }} */ result) => {
					this.#unacknowledged--;
					this.#events.onAck?.(nowUs() - sentAt, !error && !!result?.ok);
					if (error) this.#events.onProblem?.({ code: 'ack_timeout', message: error.message });
					else if (result && !result.ok) this.#events.onProblem?.(result.error ?? { code: 'unknown', message: 'refused' });
				}
			);
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
		this.socket.disconnect();
		for (const entry of this.#docs.values()) entry.doc.destroy();
		this.#docs.clear();
	}

	/** @param {string} name @param {OpenDoc} entry */
	#sendOpen(name, entry) {
		this.socket.emit('doc:open', name, (/** @type {{ ok: boolean, error?: { code: string, message: string } }} */ result) => {
			if (!result.ok) {
				this.#events.onProblem?.(result.error ?? { code: 'unknown', message: 'doc:open refused' });
				return;
			}
			entry.opened = true;
			if (this.#events.onUpdate) {
				this.#send(
					name,
					frame((e) => {
						encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
						encoding.writeVarUint8Array(e, EMPTY_STATE_VECTOR);
					})
				);
			} else {
				this.#send(
					name,
					frame((e) => syncProtocol.writeSyncStep1(e, entry.doc))
				);
			}
		});
	}

	/**
	 * @param {string} name
	 * @param {Uint8Array} payload
	 */
	#send(name, payload) {
		this.#unacknowledged++;
		this.socket
			.timeout(15_000)
			.emit(
				'y',
				name,
				payload,
				(/** @type {Error | null} */ error, /** @type {{ ok: boolean, error?: { code: string, message: string } }} */ result) => {
					this.#unacknowledged--;
					if (error) this.#events.onProblem?.({ code: 'ack_timeout', message: error.message });
					else if (result && !result.ok) this.#events.onProblem?.(result.error ?? { code: 'unknown', message: 'refused' });
				}
			);
	}

	/** @param {string} name @param {Uint8Array | ArrayBuffer} payload */
	#receive(name, payload) {
		const entry = this.#docs.get(name);
		if (!entry) return;
		const bytes = payload instanceof Uint8Array ? payload : new Uint8Array(payload);
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
