import { readControl, type ControlSnapshot } from '$lib/sync/control';
import type { SharedDoc } from './shared-doc';

/** The workshop's control document (phase, rules, timer, vote, groups) as state. */
export class ControlState {
	snapshot = $state<ControlSnapshot>() as ControlSnapshot;
	readonly #shared: SharedDoc;
	readonly #unsubscribe: () => void;

	constructor(shared: SharedDoc) {
		this.#shared = shared;
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
