import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import {
	PROTOCOL_VERSION,
	type Ack,
	type ClientToServerEvents,
	type CommandAck,
	type PresenceEntry,
	type ProblemBody,
	type ServerToClientEvents
} from '$lib/sync/protocol';
import type { VoteView } from '$lib/domain/method/vote-tally';
import type { MethodCommand } from '$lib/sync/method-commands';
import { wireParser } from '$lib/sync/wire-parser';
import { decodeYMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '$lib/sync/yjs-messages';

/** Origin of updates that came from the server, so they are not sent back. */
export const REMOTE_ORIGIN = Symbol('remote');

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
	doc: Y.Doc;
	opened: boolean;
	synced: boolean;
	onSynced: (() => void)[];
	/** Pending re-sync after the server could not store a change. */
	retry: ReturnType<typeof setTimeout> | null;
	retryDelay: number;
}

type Listener<T> = (value: T) => void;

/**
 * Yjs over socket.io, browser and Node alike. Edits made while offline stay in the
 * local Y.Doc; on reconnect the sync handshake sends exactly what the server lacks.
 */
export class SyncClient {
	readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
	readonly #docs = new Map<string, OpenDoc>();
	#status: ConnectionStatus = 'connecting';
	#pending = 0;
	readonly #statusListeners = new Set<Listener<{ status: ConnectionStatus; pending: number }>>();
	readonly #problemListeners = new Set<Listener<ProblemBody>>();
	readonly #presenceListeners = new Set<Listener<PresenceEntry[]>>();
	readonly #voteListeners = new Set<Listener<VoteView | null>>();
	readonly #restartListeners = new Set<Listener<string>>();

	constructor(options: SyncClientOptions) {
		const auth = {
			workshop: options.workshop,
			protocol: PROTOCOL_VERSION,
			...(options.participant ? { participant: options.participant } : {}),
			...(options.facilitator ? { facilitator: options.facilitator } : {})
		};
		const socketOptions = { auth, transports: ['websocket'], parser: wireParser, ...options.socket };
		this.socket = options.url ? io(options.url, socketOptions) : io(socketOptions);

		this.socket.on('connect', () => {
			this.#setStatus('online');
			for (const [name, entry] of this.#docs) this.#sendOpen(name, entry);
		});
		this.socket.on('disconnect', () => {
			for (const entry of this.#docs.values()) entry.opened = false;
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
	}

	get status(): ConnectionStatus {
		return this.#status;
	}

	/** Local changes sent but not yet confirmed as stored. */
	get pending(): number {
		return this.#pending;
	}

	/** The shared document with this name; it fills as soon as the server answers. */
	open(name: string): Y.Doc {
		const existing = this.#docs.get(name);
		if (existing) return existing.doc;
		const doc = new Y.Doc();
		const entry: OpenDoc = { doc, opened: false, synced: false, onSynced: [], retry: null, retryDelay: 500 };
		this.#docs.set(name, entry);
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === REMOTE_ORIGIN || !entry.opened || !this.socket.connected) return;
			this.#send(name, encodeUpdate(update));
		});
		if (this.socket.connected) this.#sendOpen(name, entry);
		return doc;
	}

	/** Resolves once the document holds the server's state. */
	whenSynced(name: string): Promise<Y.Doc> {
		const entry = this.#docs.get(name);
		if (!entry) return Promise.reject(new Error(`document ${name} is not open`));
		if (entry.synced) return Promise.resolve(entry.doc);
		return new Promise((resolve) => entry.onSynced.push(() => resolve(entry.doc)));
	}

	/** Resolves when every local change has been acknowledged as stored. */
	async flushed(timeoutMs = 10_000): Promise<void> {
		const start = Date.now();
		while (this.#pending > 0) {
			if (Date.now() - start > timeoutMs) throw new Error(`${this.#pending} changes not acknowledged`);
			await new Promise((r) => setTimeout(r, 10));
		}
	}

	close(name: string): void {
		const entry = this.#docs.get(name);
		if (!entry) return;
		this.#docs.delete(name);
		if (entry.retry) clearTimeout(entry.retry);
		if (this.socket.connected) this.socket.emit('doc:close', name);
		entry.doc.destroy();
	}

	destroy(): void {
		this.socket.disconnect();
		for (const entry of this.#docs.values()) {
			if (entry.retry) clearTimeout(entry.retry);
			entry.doc.destroy();
		}
		this.#docs.clear();
	}

	onStatus(listener: Listener<{ status: ConnectionStatus; pending: number }>): () => void {
		this.#statusListeners.add(listener);
		listener({ status: this.#status, pending: this.#pending });
		return () => this.#statusListeners.delete(listener);
	}

	onProblem(listener: Listener<ProblemBody>): () => void {
		this.#problemListeners.add(listener);
		return () => this.#problemListeners.delete(listener);
	}

	/** Sends a method command; resolves with the server's answer (never rejects on refusal). */
	async command(command: MethodCommand): Promise<CommandAck> {
		try {
			const result: CommandAck = await this.socket.timeout(15_000).emitWithAck('command', command);
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

	onPresence(listener: Listener<PresenceEntry[]>): () => void {
		this.#presenceListeners.add(listener);
		return () => this.#presenceListeners.delete(listener);
	}

	#sendOpen(name: string, entry: OpenDoc): void {
		this.socket.emit('doc:open', name, (result: Ack) => {
			if (!result.ok) {
				this.#emitProblem(result.error);
				return;
			}
			entry.opened = true;
			// Ask for what we lack; the server's own step 1 makes us send what it lacks.
			this.#send(name, encodeSyncStep1(entry.doc));
		});
	}

	#send(name: string, payload: Uint8Array): void {
		const sentFrom = this.#docs.get(name);
		this.#pending++;
		this.#notify();
		this.socket.timeout(15_000).emit('y', name, payload, (error: Error | null, result?: Ack) => {
			this.#pending--;
			this.#notify();
			if (result && !result.ok) this.#emitProblem(result.error);
			const entry = this.#docs.get(name);
			if (!entry || entry !== sentFrom) return; // the document was closed or started over meanwhile
			const code = result && !result.ok ? result.error.code : null;
			// Not stored, but nothing wrong with it: send it again (with whatever it built on).
			if (error !== null || code === 'unavailable' || code === 'conflict') this.#scheduleResync(name);
			else if (code === 'forbidden') this.#restart(name);
			else if (result?.ok) entry.retryDelay = 500;
		});
	}

	/** Called with a document's name when it started over from the server's copy. */
	onRestart(listener: Listener<string>): () => void {
		this.#restartListeners.add(listener);
		return () => this.#restartListeners.delete(listener);
	}

	/**
	 * The server refused a change for good (a method rule said no). The local copy holds
	 * content the server never will, and every later change would build on it, so the
	 * document starts over from the server's copy; whoever shows it calls `open` again.
	 */
	#restart(name: string): void {
		const entry = this.#docs.get(name);
		if (!entry) return;
		if (entry.retry) clearTimeout(entry.retry);
		this.#docs.delete(name);
		entry.doc.destroy();
		this.open(name);
		for (const listener of this.#restartListeners) listener(name);
	}

	/**
	 * The change is still in the local doc; reopening the document makes the server
	 * send its state vector, and our answer carries everything it has not stored.
	 */
	#scheduleResync(name: string): void {
		const entry = this.#docs.get(name);
		if (!entry || entry.retry) return;
		entry.retry = setTimeout(() => {
			entry.retry = null;
			if (this.socket.connected && this.#docs.get(name) === entry) this.#sendOpen(name, entry);
		}, entry.retryDelay);
		entry.retryDelay = Math.min(entry.retryDelay * 2, 10_000);
	}

	#receive(name: string, payload: Uint8Array | ArrayBuffer): void {
		const entry = this.#docs.get(name);
		if (!entry) return;
		const bytes = payload instanceof Uint8Array ? payload : new Uint8Array(payload);
		const message = decodeYMessage(bytes);
		if (message.type === 'sync-step-1') {
			this.#send(name, encodeSyncStep2(entry.doc, message.stateVector));
		} else if (message.type === 'update') {
			Y.applyUpdate(entry.doc, message.update, REMOTE_ORIGIN);
			if (!entry.synced) {
				entry.synced = true;
				entry.onSynced.splice(0).forEach((resolve) => resolve());
			}
		}
	}

	#setStatus(status: ConnectionStatus): void {
		this.#status = status;
		this.#notify();
	}

	#notify(): void {
		for (const listener of this.#statusListeners) listener({ status: this.#status, pending: this.#pending });
	}

	#emitProblem(problem: ProblemBody): void {
		for (const listener of this.#problemListeners) listener(problem);
	}
}
