/**
 * Runs tasks one after another per key (a workshop): each starts once the one before
 * it settled, whether it succeeded or failed. A key with nothing queued is forgotten.
 */
export class KeyedQueue {
	readonly #tails = new Map<string, Promise<unknown>>();

	run<T>(key: string, task: () => Promise<T>): Promise<T> {
		const next = (this.#tails.get(key) ?? Promise.resolve()).then(task, task);
		const settled = next.catch(() => undefined);
		this.#tails.set(key, settled);
		void settled.then(() => {
			if (this.#tails.get(key) === settled) this.#tails.delete(key);
		});
		return next;
	}
}
