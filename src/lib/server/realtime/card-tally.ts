import type * as Y from 'yjs';
import type { CardKind } from '$lib/domain/cards/card';
import { canvasName, parseDocName, PLENARY_CANVAS } from '$lib/domain/workshop/documents';
import { readCards } from '$lib/sync/cards';
import { readGroups } from '$lib/sync/control';
import type { CardCounts } from '$lib/sync/protocol';
import { log } from '../log';

/** A workshop's counts are brought up to date at most this often while people write. */
const RECOUNT_MS = 500;

export interface CardTallyOptions {
	/** Sends the counts to the workshop's facilitators. */
	send: (workshopId: string, counts: CardCounts) => void;
	/** Loads a group's canvas nobody here has open, so its count is known with its members away. */
	load: (workshopId: string, docName: string) => Promise<Y.Doc>;
	recountMs?: number;
}

interface WorkshopTally {
	drafts: Map<string, Partial<Record<CardKind, number>>>;
	groups: Map<string, number>;
}

/** What changed in a workshop since its last recount. */
interface Dirty {
	drafts: Map<string, Y.Doc>;
	groups: Map<string, Y.Doc>;
	control: Y.Doc | null;
}

/**
 * Counts, per workshop, the private cards in every participant's draft (by kind) and the
 * visible cards on every group's canvas, so facilitators see what waits for the reveal and
 * how far each group has come without opening every draft and canvas themselves (a
 * connection may open 200 documents; a conference has up to 1,000 drafts and 200 groups).
 * A document is counted when it is opened or changes on this instance, at most every
 * RECOUNT_MS per workshop; each recount sends facilitators only what it counted. A group
 * the workshop's `control` names and nobody here has opened is loaded to be counted.
 */
export class CardTally {
	readonly #tallies = new Map<string, WorkshopTally>();
	readonly #dirty = new Map<string, Dirty>();
	readonly #options: CardTallyOptions;

	constructor(options: CardTallyOptions) {
		this.#options = options;
	}

	/** A document was opened or changed; a draft, a group's canvas or `control` among them is counted again soon. */
	touched(workshopId: string, docName: string, doc: Y.Doc): void {
		// Every change to every document passes here: the prefix checks spare the rest a parse.
		if (docName === 'control') {
			this.#dirtyOf(workshopId).control = doc;
			return;
		}
		if (!docName.startsWith('draft:') && !docName.startsWith('canvas:')) return;
		const name = parseDocName(docName);
		if (!name?.sub) return;
		if (name.kind === 'draft') this.#dirtyOf(workshopId).drafts.set(name.sub, doc);
		else if (name.kind === 'canvas' && docName !== PLENARY_CANVAS) this.#dirtyOf(workshopId).groups.set(name.sub, doc);
	}

	/** Forgets what was counted of a workshop whose documents were dropped (deleted, or replaced by an import). */
	forget(workshopId: string): void {
		this.#tallies.delete(workshopId);
		this.#dirty.delete(workshopId);
	}

	/** Everything this instance has counted of the workshop, for a facilitator who just connected. */
	counts(workshopId: string): CardCounts {
		const tally = this.#tallies.get(workshopId);
		return { drafts: Object.fromEntries(tally?.drafts ?? []), groups: Object.fromEntries(tally?.groups ?? []) };
	}

	#dirtyOf(workshopId: string): Dirty {
		let dirty = this.#dirty.get(workshopId);
		if (!dirty) {
			dirty = { drafts: new Map(), groups: new Map(), control: null };
			this.#dirty.set(workshopId, dirty);
			setTimeout(() => this.#recount(workshopId), this.#options.recountMs ?? RECOUNT_MS).unref();
		}
		return dirty;
	}

	#recount(workshopId: string): void {
		const dirty = this.#dirty.get(workshopId);
		this.#dirty.delete(workshopId);
		if (!dirty) return;
		let tally = this.#tallies.get(workshopId);
		if (!tally) {
			tally = { drafts: new Map(), groups: new Map() };
			this.#tallies.set(workshopId, tally);
		}
		const counted: CardCounts = { drafts: {}, groups: {} };
		for (const [participantId, doc] of dirty.drafts) {
			const byKind: Partial<Record<CardKind, number>> = {};
			for (const card of readCards(doc)) byKind[card.kind] = (byKind[card.kind] ?? 0) + 1;
			tally.drafts.set(participantId, byKind);
			counted.drafts[participantId] = byKind;
		}
		for (const [groupId, doc] of dirty.groups) {
			const visible = readCards(doc).filter((card) => !card.hidden).length;
			tally.groups.set(groupId, visible);
			counted.groups[groupId] = visible;
		}
		if (dirty.control) this.#loadUncounted(workshopId, dirty.control, tally);
		if (dirty.drafts.size > 0 || dirty.groups.size > 0) this.#options.send(workshopId, counted);
	}

	#loadUncounted(workshopId: string, control: Y.Doc, tally: WorkshopTally): void {
		for (const group of readGroups(control)) {
			if (tally.groups.has(group.id)) continue;
			const name = canvasName(group.id);
			this.#options.load(workshopId, name).then(
				(doc) => this.touched(workshopId, name, doc),
				// Counted when someone opens it, or at the next change to `control`.
				(error) => log.warn('tally.group_load_failed', { workshopId, doc: name, error })
			);
		}
	}
}
