import type * as Y from 'yjs';
import { readControl, type ControlSnapshot } from '$lib/sync/control';

/** The workshop's control document (phase, rules, timer, vote, groups) as state. */
export class ControlState {
	snapshot = $state<ControlSnapshot>() as ControlSnapshot;
	readonly #doc: Y.Doc;
	readonly #refresh = () => (this.snapshot = readControl(this.#doc));

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#refresh();
		doc.on('update', this.#refresh);
	}

	get live() {
		return this.snapshot.live;
	}

	destroy(): void {
		this.#doc.off('update', this.#refresh);
	}
}
