import * as Y from 'yjs';
import { applyDocCommand, type CommandAuthor, type DocCommand } from '$lib/sync/doc-commands';
import type { Ack } from '$lib/sync/protocol';

/** Origin of updates that came from the server, as opposed to this browser's own preview. */
export const REMOTE_ORIGIN = Symbol('remote');
const PREVIEW_ORIGIN = Symbol('preview');
/**
 * Server updates arrive one per accepted command; in a busy room that is hundreds a
 * second. Readers hear of them at most this often, so a phone re-reads a 3000-card
 * board a few times a second instead of once per card. Its own changes show at once.
 */
const REMOTE_NOTIFY_MS = 40;

/** A command this browser sent (or will send) and the server has not answered yet. */
export interface PendingCommand {
	client: string;
	seq: number;
	command: DocCommand;
	author: CommandAuthor;
	/** When it was made, so a previewed card sorts where it will land. */
	at: string;
}

type Listener = () => void;

/** How a shared document's commands reach the server (the SyncClient; tests pass their own). */
export interface CommandTransport {
	/** A fresh, increasing command number for this tab. */
	number(): { client: string; seq: number };
	/** Sends (now or once online) and settles with the server's answer. */
	send(pending: PendingCommand): Promise<Ack>;
}

/**
 * One shared document as this browser sees it: the server's copy (`replica`, written
 * only by updates from the server) with this browser's unanswered commands laid over
 * it, so a change shows at once. Readers use `doc`; it is the replica itself while
 * nothing is pending, else a preview rebuilt from the replica and the pending
 * commands, run through the same code the server runs. Each pending command leaves
 * the preview when the server's answer arrives: its own update (already applied to
 * the replica, since the server sends it before the acknowledgement) or a refusal.
 */
export class SharedDoc {
	readonly name: string;
	#replica = new Y.Doc();
	#preview: Y.Doc | null = null;
	#pending: PendingCommand[] = [];
	readonly #listeners = new Set<Listener>();
	readonly #transport: CommandTransport;
	#notifyTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(name: string, transport: CommandTransport) {
		this.name = name;
		this.#transport = transport;
	}

	/** Asks the server for a change; it shows at once and settles with the server's answer. */
	edit(command: DocCommand, author: CommandAuthor): Promise<Ack> {
		const pending: PendingCommand = { ...this.#transport.number(), command, author, at: new Date().toISOString() };
		this.addPending(pending);
		return this.#transport.send(pending);
	}

	/** What to show: the server's copy plus this browser's pending changes. */
	get doc(): Y.Doc {
		return this.#preview ?? this.#replica;
	}

	/** The server's copy alone. */
	get replica(): Y.Doc {
		return this.#replica;
	}

	get pending(): readonly PendingCommand[] {
		return this.#pending;
	}

	onChange(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** An update from the server. */
	applyRemote(update: Uint8Array): void {
		Y.applyUpdate(this.#replica, update, REMOTE_ORIGIN);
		if (this.#preview) Y.applyUpdate(this.#preview, update, REMOTE_ORIGIN);
		this.#notifyTimer ??= setTimeout(() => this.#notify(), REMOTE_NOTIFY_MS);
	}

	/** Tells listeners now about remote changes still waiting for the batch. */
	flush(): void {
		if (this.#notifyTimer) this.#notify();
	}

	addPending(pending: PendingCommand): void {
		this.#pending.push(pending);
		if (!this.#preview) this.#preview = fork(this.#replica);
		preview(this.#preview, pending);
		this.#notify();
	}

	/**
	 * The server answered this command. Applied, its own update is already in the
	 * replica (and the preview), so the preview stays as it is until nothing is
	 * pending; refused, the preview is built again without it.
	 */
	settle(pending: PendingCommand, outcome: 'applied' | 'refused'): void {
		const index = this.#pending.indexOf(pending);
		if (index < 0) return;
		this.#pending.splice(index, 1);
		if (outcome === 'refused' || this.#pending.length === 0) this.#rebuild();
	}

	/**
	 * The server does not have what this copy holds (it lost changes in a crash before
	 * storing them): start over empty; the server's answer to the next sync fills it.
	 */
	reset(): void {
		this.#replica.destroy();
		this.#replica = new Y.Doc();
		this.#rebuild();
	}

	destroy(): void {
		if (this.#notifyTimer) clearTimeout(this.#notifyTimer);
		this.#listeners.clear();
		this.#preview?.destroy();
		this.#replica.destroy();
	}

	#rebuild(): void {
		this.#preview?.destroy();
		this.#preview = null;
		if (this.#pending.length > 0) {
			this.#preview = fork(this.#replica);
			for (const pending of this.#pending) preview(this.#preview, pending);
		}
		this.#notify();
	}

	#notify(): void {
		if (this.#notifyTimer) clearTimeout(this.#notifyTimer);
		this.#notifyTimer = null;
		for (const listener of this.#listeners) listener();
	}
}

function fork(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), REMOTE_ORIGIN);
	return copy;
}

/** Shows a pending command; one that no longer fits the board (its card was removed meanwhile) shows nothing. */
function preview(doc: Y.Doc, pending: PendingCommand): void {
	try {
		applyDocCommand(doc, { command: pending.command, author: pending.author, now: pending.at }, PREVIEW_ORIGIN);
	} catch {
		// The server will refuse it too; its answer removes it.
	}
}
