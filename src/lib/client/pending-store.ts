import type { PendingCommand } from './shared-doc';
import { newClientId } from './ids';

/**
 * Where this tab keeps the commands the server has not answered, so a reload (or a
 * phone that killed the tab in the background) sends them later instead of losing
 * them. Session storage is per tab: two tabs never share a `client` id, so the
 * server's once-per-number rule cannot mistake one tab's command for the other's.
 * Outside a browser (Node clients, tests) everything stays in memory.
 */
export class PendingStore {
	readonly #prefix: string;
	readonly #storage: Storage | null;
	#client: string;
	#seq: number;

	constructor(workshop: string) {
		this.#prefix = `dd:${workshop}:`;
		this.#storage = typeof sessionStorage === 'undefined' ? null : sessionStorage;
		const saved = this.#read<{ client: string; seq: number }>('client');
		this.#client = saved && typeof saved.client === 'string' ? saved.client : newClientId();
		this.#seq = saved && Number.isSafeInteger(saved.seq) ? saved.seq : 0;
	}

	/** A fresh, increasing command number for this tab. */
	next(): { client: string; seq: number } {
		this.#seq++;
		this.#write('client', { client: this.#client, seq: this.#seq });
		return { client: this.#client, seq: this.#seq };
	}

	load(docName: string): PendingCommand[] {
		const saved = this.#read<PendingCommand[]>(`pending:${docName}`);
		return Array.isArray(saved) ? saved : [];
	}

	save(docName: string, pending: readonly PendingCommand[]): void {
		if (pending.length === 0) this.#storage?.removeItem(this.#prefix + `pending:${docName}`);
		else this.#write(`pending:${docName}`, pending);
	}

	#read<T>(key: string): T | null {
		try {
			const text = this.#storage?.getItem(this.#prefix + key);
			return text ? (JSON.parse(text) as T) : null;
		} catch {
			return null;
		}
	}

	#write(key: string, value: unknown): void {
		try {
			this.#storage?.setItem(this.#prefix + key, JSON.stringify(value));
		} catch {
			// Storage full or disabled: the commands still wait in memory.
		}
	}
}
