import type * as Y from 'yjs';
import type { CardKind } from '$lib/domain/cards/card';
import { parseDocName } from '$lib/domain/workshop/documents';
import { readCards } from '$lib/sync/cards';
import type { DraftCounts } from '$lib/sync/protocol';

/** A workshop's drafts are recounted at most this often while people write. */
const RECOUNT_MS = 500;

/**
 * How many private cards of each kind every participant's draft holds, per workshop, so
 * facilitators see how many wait for the reveal without opening every draft themselves
 * (a connection may open 200 documents; a conference has up to 1,000 drafts). A draft is
 * counted when it is opened or changes on this instance, at most every RECOUNT_MS per
 * workshop, and the counts go to the workshop's facilitators.
 */
export class DraftTally {
	readonly #counts = new Map<string, Map<string, Partial<Record<CardKind, number>>>>();
	readonly #dirty = new Map<string, Map<string, Y.Doc>>();
	readonly #send: (workshopId: string, counts: DraftCounts) => void;
	readonly #recountMs: number;

	constructor(send: (workshopId: string, counts: DraftCounts) => void, recountMs = RECOUNT_MS) {
		this.#send = send;
		this.#recountMs = recountMs;
	}

	/** A document was opened or changed; a draft among them is counted again soon. */
	touched(workshopId: string, docName: string, doc: Y.Doc): void {
		// Every change to every document passes here: the prefix spares the others a parse.
		if (!docName.startsWith('draft:')) return;
		const name = parseDocName(docName);
		if (name?.kind !== 'draft' || !name.sub) return;
		let dirty = this.#dirty.get(workshopId);
		if (!dirty) {
			dirty = new Map();
			this.#dirty.set(workshopId, dirty);
			setTimeout(() => this.#recount(workshopId), this.#recountMs).unref();
		}
		dirty.set(name.sub, doc);
	}

	/** What this instance knows of the workshop's drafts, by participant id. */
	counts(workshopId: string): DraftCounts {
		return Object.fromEntries(this.#counts.get(workshopId) ?? []);
	}

	#recount(workshopId: string): void {
		const dirty = this.#dirty.get(workshopId);
		this.#dirty.delete(workshopId);
		if (!dirty) return;
		let counts = this.#counts.get(workshopId);
		if (!counts) {
			counts = new Map();
			this.#counts.set(workshopId, counts);
		}
		for (const [participantId, doc] of dirty) {
			const byKind: Partial<Record<CardKind, number>> = {};
			for (const card of readCards(doc)) byKind[card.kind] = (byKind[card.kind] ?? 0) + 1;
			counts.set(participantId, byKind);
		}
		this.#send(workshopId, this.counts(workshopId));
	}
}
