import { io, type Socket } from 'socket.io-client';
import {
	HANDSHAKE_DOCS_MAX,
	PROTOCOL_VERSION,
	type Ack,
	type ClientToServerEvents,
	type CommandAck,
	type CardCounts,
	type HandshakeDoc,
	type PresenceEntry,
	type ProblemBody,
	type ServerToClientEvents
} from '$lib/sync/protocol';
import type { VoteView } from '$lib/domain/method/vote-tally';
import type { CommandAuthor, DocCommand } from '$lib/sync/doc-commands';
import type { MethodCommand } from '$lib/sync/method-commands';
import { wireParser } from '$lib/transport/wire-parser';
import { decodeYMessage, encodeSyncStep1, stateVectorText } from '$lib/sync/yjs-messages';
import { PendingStore } from './pending-store';
import { SharedDoc, type PendingCommand } from './shared-doc';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface SyncClientOptions {
	/** Server origin; omit in the browser (same origin). */
	url?: string;
	/** Workshop id or join code. */
	workshop: string;
	/** Credentials for non-browser clients; browsers use the httpOnly cookies instead. */
	participant?: string;
	facilitator?: string;
	/** Extra socket.io-client options (tests pass `forceNew`, transports, …). */
	socket?: Record<string, unknown>;
}

interface OpenDoc {
	shared: SharedDoc;
	opened: boolean;
	synced: boolean;
	onSynced: (() => void)[];
	/** Commands sent on this connection and not answered yet. */
	inFlight: Set<PendingCommand>;
	/** A later attempt to send what is pending (the server could not store it yet). */
	retry: ReturnType<typeof setTimeout> | null;
	retryDelay: number;
}

/** Answers after which a command is sent again later instead of being dropped. */
const RETRYABLE = new Set(['unavailable', 'rate_limited']);
const ANSWER_TIMEOUT_MS = 15_000;

type Listener<T> = (value: T) => void;

/**
 * socket.io connection to one workshop, browser and Node alike. Shared documents are
 * read-only replicas kept up to date by the server; changes go up as commands
 * (`edit`), are shown at once (see SharedDoc) and are sent again after a reconnect
 * until the server answers, which it does once per command however often it is sent.
 * Commands made offline wait in session storage, so a reload keeps them.
 */
export class SyncClient {
	readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
	readonly #docs = new Map<string, OpenDoc>();
	readonly #store: PendingStore;
	#status: ConnectionStatus = 'connecting';
	readonly #statusListeners = new Set<Listener<{ status: ConnectionStatus; pending: number }>>();
	readonly #problemListeners = new Set<Listener<ProblemBody>>();
	readonly #presenceListeners = new Set<Listener<PresenceEntry[]>>();
	readonly #voteListeners = new Set<Listener<VoteView | null>>();
	readonly #countListeners = new Set<Listener<CardCounts>>();
	readonly #flushWaiters = new Set<() => void>();
	/** Who waits for each command's answer (commands restored after a reload have nobody). */
	readonly #answers = new Map<PendingCommand, (ack: Ack) => void>();
	/** The documents the current handshake asked to open; the server answers each with `doc:opened`. */
	readonly #openedByHandshake = new Map<string, OpenDoc>();

	constructor(options: SyncClientOptions) {
		const hello = {
			workshop: options.workshop,
			protocol: PROTOCOL_VERSION,
			...(options.participant ? { participant: options.participant } : {}),
			...(options.facilitator ? { facilitator: options.facilitator } : {})
		};
		this.#store = new PendingStore(options.workshop);
		// Called for every connection attempt, so a reconnect asks for what each copy lacks by then.
		const auth = (send: (data: object) => void) => send({ ...hello, open: this.#handshakeDocs() });
		// WebSocket first, for the fast join; where a network blocks it, HTTP long-polling.
		const socketOptions = { auth, transports: ['websocket', 'polling'], tryAllTransports: true, parser: wireParser, ...options.socket };
		this.socket = options.url ? io(options.url, socketOptions) : io(socketOptions);

		this.socket.on('connect', () => {
			this.#setStatus('online');
			for (const [name, entry] of this.#docs) if (this.#openedByHandshake.get(name) !== entry) this.#sendOpen(name, entry);
		});
		this.socket.on('doc:opened', (name, result) => this.#openedAtConnect(name, result));
		this.socket.on('disconnect', () => {
			for (const entry of this.#docs.values()) {
				entry.opened = false;
				entry.inFlight.clear();
			}
			this.#setStatus('offline');
		});
		this.socket.on('connect_error', (error) => {
			const data = (error as Error & { data?: ProblemBody }).data;
			if (data?.code) {
				this.#setStatus('refused');
				this.#emitProblem(data);
			} else {
				this.#setStatus('offline');
			}
		});
		this.socket.on('y', (name, payload) => this.#receive(name, payload));
		this.socket.on('problem', (problem) => this.#emitProblem(problem));
		this.socket.on('presence:list', (entries) => this.#presenceListeners.forEach((l) => l(entries)));
		this.socket.on('vote:view', (view) => this.#voteListeners.forEach((l) => l(view)));
		this.socket.on('cards:counted', (counts) => this.#countListeners.forEach((l) => l(counts)));
	}

	get status(): ConnectionStatus {
		return this.#status;
	}

	/** Changes made here that the server has not confirmed as stored. */
	get pending(): number {
		let count = 0;
		for (const entry of this.#docs.values()) count += entry.shared.pending.length;
		return count;
	}

	/** The shared document with this name; it fills as soon as the server answers. */
	open(name: string): SharedDoc {
		const existing = this.#docs.get(name);
		if (existing) return existing.shared;
		const shared = new SharedDoc(name, { number: () => this.#store.next(), send: (pending) => this.#submit(name, pending) });
		const entry: OpenDoc = { shared, opened: false, synced: false, onSynced: [], inFlight: new Set(), retry: null, retryDelay: 500 };
		this.#docs.set(name, entry);
		for (const pending of this.#store.load(name)) shared.addPending(pending);
		if (this.socket.connected) this.#sendOpen(name, entry);
		return shared;
	}

	/** Resolves once the document holds the server's state. */
	whenSynced(name: string): Promise<SharedDoc> {
		const entry = this.#docs.get(name);
		if (!entry) return Promise.reject(new Error(`document ${name} is not open`));
		if (entry.synced) return Promise.resolve(entry.shared);
		return new Promise((resolve) => entry.onSynced.push(() => resolve(entry.shared)));
	}

	/**
	 * Asks the server to change a shared document. The change shows at once; the
	 * promise settles with the server's answer (never rejects): `ok`, or a refusal,
	 * which also reaches `onProblem`. Offline, it waits and is sent on reconnect.
	 */
	edit(name: string, command: DocCommand, author: CommandAuthor): Promise<Ack> {
		const entry = this.#docs.get(name);
		if (!entry) return Promise.resolve({ ok: false, error: { code: 'bad_request', message: `document ${name} is not open` } });
		return entry.shared.edit(command, author);
	}

	/** Keeps a command the shared document is already showing, and sends it when the document is open. */
	#submit(name: string, pending: PendingCommand): Promise<Ack> {
		const entry = this.#docs.get(name);
		if (!entry) return Promise.resolve({ ok: false, error: { code: 'bad_request', message: `document ${name} is not open` } });
		const answered = new Promise<Ack>((resolve) => this.#answers.set(pending, resolve));
		this.#store.save(name, entry.shared.pending);
		this.#notify();
		if (entry.opened && this.socket.connected) this.#sendEdit(name, entry, pending);
		return answered;
	}

	/** Resolves when every change made here has been confirmed as stored. */
	flushed(timeoutMs = 10_000): Promise<void> {
		if (this.pending === 0) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.#flushWaiters.delete(done);
				reject(new Error(`${this.pending} changes not acknowledged`));
			}, timeoutMs);
			const done = () => {
				clearTimeout(timer);
				resolve();
			};
			this.#flushWaiters.add(done);
		});
	}

	close(name: string): void {
		const entry = this.#docs.get(name);
		if (!entry) return;
		this.#docs.delete(name);
		if (entry.retry) clearTimeout(entry.retry);
		if (this.socket.connected) this.socket.emit('doc:close', name);
		entry.shared.destroy();
	}

	destroy(): void {
		this.socket.disconnect();
		for (const entry of this.#docs.values()) {
			if (entry.retry) clearTimeout(entry.retry);
			entry.shared.destroy();
		}
		this.#docs.clear();
	}

	onStatus(listener: Listener<{ status: ConnectionStatus; pending: number }>): () => void {
		this.#statusListeners.add(listener);
		listener({ status: this.#status, pending: this.pending });
		return () => this.#statusListeners.delete(listener);
	}

	onProblem(listener: Listener<ProblemBody>): () => void {
		this.#problemListeners.add(listener);
		return () => this.#problemListeners.delete(listener);
	}

	/** Sends a method command; resolves with the server's answer (never rejects on refusal). */
	async command(command: MethodCommand): Promise<CommandAck> {
		try {
			const result: CommandAck = await this.socket.timeout(ANSWER_TIMEOUT_MS).emitWithAck('command', command);
			// The server sent the command's changes before its answer: show them before the caller goes on.
			for (const entry of this.#docs.values()) entry.shared.flush();
			if (!result.ok) this.#emitProblem(result.error);
			return result;
		} catch {
			const error: ProblemBody = { code: 'unavailable', message: 'no answer from the server' };
			this.#emitProblem(error);
			return { ok: false, error };
		}
	}

	onVoteView(listener: Listener<VoteView | null>): () => void {
		this.#voteListeners.add(listener);
		return () => this.#voteListeners.delete(listener);
	}

	/** Facilitators only: cards in drafts and on group canvases, as one server instance counted them. */
	onCardCounts(listener: Listener<CardCounts>): () => void {
		this.#countListeners.add(listener);
		return () => this.#countListeners.delete(listener);
	}

	onPresence(listener: Listener<PresenceEntry[]>): () => void {
		this.#presenceListeners.add(listener);
		return () => this.#presenceListeners.delete(listener);
	}

	/** The documents open here (up to HANDSHAKE_DOCS_MAX), for the handshake to open at once. */
	#handshakeDocs(): HandshakeDoc[] {
		this.#openedByHandshake.clear();
		for (const [name, entry] of this.#docs) {
			if (this.#openedByHandshake.size === HANDSHAKE_DOCS_MAX) break;
			this.#openedByHandshake.set(name, entry);
		}
		return [...this.#openedByHandshake].map(([name, entry]) => ({ doc: name, sv: stateVectorText(entry.shared.replica) }));
	}

	/** The server's answer to a document the handshake named; what the copy lacked came just before it. */
	#openedAtConnect(name: string, result: Ack): void {
		const asked = this.#openedByHandshake.get(name);
		this.#openedByHandshake.delete(name);
		const entry = this.#docs.get(name);
		if (!entry) {
			// Closed while the connection was being made.
			if (asked) this.socket.emit('doc:close', name);
			return;
		}
		if (entry !== asked) return; // closed and opened again: that copy was opened on connect
		if (!result.ok) {
			if (result.error.code !== 'conflict') {
				this.#emitProblem(result.error);
				return;
			}
			// The server lost changes this copy has (a crash before they were stored): start over.
			entry.shared.reset();
			this.#sendOpen(name, entry);
			return;
		}
		entry.opened = true;
		this.#sendWaiting(name, entry);
	}

	/**
	 * Opens the document on the server and at once asks for what this copy lacks (the server
	 * answers that once the document is open: one round trip, not two); once it is open, sends
	 * what waits, in order.
	 */
	#sendOpen(name: string, entry: OpenDoc): void {
		this.socket.emit('doc:open', name, (result: Ack) => {
			if (this.#docs.get(name) !== entry) return;
			if (!result.ok) {
				this.#emitProblem(result.error);
				return;
			}
			entry.opened = true;
			this.#sendWaiting(name, entry);
		});
		this.#sendSync(name, entry);
	}

	#sendSync(name: string, entry: OpenDoc): void {
		this.socket.emit('y', name, encodeSyncStep1(entry.shared.replica), (result: Ack) => {
			// The server lost changes this copy has (a crash before they were stored): start over.
			if (!result.ok && result.error.code === 'conflict' && this.#docs.get(name) === entry) {
				entry.shared.reset();
				this.#sendSync(name, entry);
			}
		});
	}

	#sendWaiting(name: string, entry: OpenDoc): void {
		for (const pending of entry.shared.pending) if (!entry.inFlight.has(pending)) this.#sendEdit(name, entry, pending);
	}

	#sendEdit(name: string, entry: OpenDoc, pending: PendingCommand): void {
		entry.inFlight.add(pending);
		const envelope = { client: pending.client, seq: pending.seq, command: pending.command };
		this.socket.timeout(ANSWER_TIMEOUT_MS).emit('edit', name, envelope, (error: Error | null, result?: Ack) => {
			entry.inFlight.delete(pending);
			if (this.#docs.get(name) !== entry) return;
			if (error !== null || !result || (!result.ok && RETRYABLE.has(result.error.code))) {
				// Not answered, or not stored yet: send it again later (the server applies it once).
				if (result && !result.ok) this.#emitProblem(result.error);
				this.#scheduleRetry(name, entry);
				return;
			}
			if (!result.ok) this.#emitProblem(result.error);
			else entry.retryDelay = 500;
			entry.shared.settle(pending, result.ok ? 'applied' : 'refused');
			this.#store.save(name, entry.shared.pending);
			this.#answers.get(pending)?.(result);
			this.#answers.delete(pending);
			this.#notify();
		});
	}

	#scheduleRetry(name: string, entry: OpenDoc): void {
		if (entry.retry) return;
		entry.retry = setTimeout(() => {
			entry.retry = null;
			if (this.socket.connected && entry.opened && this.#docs.get(name) === entry) this.#sendWaiting(name, entry);
		}, entry.retryDelay);
		entry.retryDelay = Math.min(entry.retryDelay * 2, 10_000);
	}

	#receive(name: string, payload: Uint8Array | ArrayBuffer): void {
		const entry = this.#docs.get(name);
		if (!entry) return;
		const bytes = payload instanceof Uint8Array ? payload : new Uint8Array(payload);
		const message = decodeYMessage(bytes);
		if (message.type !== 'update') return;
		entry.shared.applyRemote(message.update);
		if (!entry.synced) {
			entry.synced = true;
			entry.onSynced.splice(0).forEach((resolve) => resolve());
		}
	}

	#setStatus(status: ConnectionStatus): void {
		this.#status = status;
		this.#notify();
	}

	#notify(): void {
		const pending = this.pending;
		for (const listener of this.#statusListeners) listener({ status: this.#status, pending });
		if (pending === 0) {
			for (const done of this.#flushWaiters) done();
			this.#flushWaiters.clear();
		}
	}

	#emitProblem(problem: ProblemBody): void {
		for (const listener of this.#problemListeners) listener(problem);
	}
}
