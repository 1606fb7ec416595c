import { readControl, type ControlSnapshot } from '$lib/sync/control';
import type { SharedDoc } from './shared-doc';

/** The workshop's control document (phase, rules, timer, vote, groups) as state. */
export class ControlState {
	snapshot = $state<ControlSnapshot>() as ControlSnapshot;
	/** Whether the server's state has arrived; forms that start from it wait for this. */
	synced = $state(false);
	readonly #shared: SharedDoc;
	readonly #unsubscribe: () => void;

	constructor(shared: SharedDoc, whenSynced: Promise<unknown>) {
		this.#shared = shared;
		// Remote changes reach listeners a moment later (batched), so read the state here too.
		void whenSynced.then(() => {
			this.snapshot = readControl(shared.doc);
			this.synced = true;
		});
		this.snapshot = readControl(shared.doc);
		this.#unsubscribe = shared.onChange(() => (this.snapshot = readControl(this.#shared.doc)));
	}

	get live() {
		return this.snapshot.live;
	}

	destroy(): void {
		this.#unsubscribe();
	}
}
