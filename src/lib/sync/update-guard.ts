import * as Y from 'yjs';
import type { Actor } from '$lib/domain/workshop/access';
import type { DocKind } from '$lib/domain/workshop/documents';
import type { DecodedUpdate } from './yjs-messages';

/**
 * Server-side check of a participant's Yjs update BEFORE it is stored, so a
 * participant can only create entries in their own name and only change or delete
 * what the method lets them. Facilitators pass (document-level access still applies).
 *
 * Entries are the values of the top-level maps (a card, a factor, a link); each
 * carries an `authorId` that is immutable once set. Ownership is read from the
 * server's copy of the document, never from what the client claims.
 */
export interface EntryPolicy {
	/** Who may change fields of an existing entry: its author only, or anyone in the workshop. */
	edit: 'author' | 'anyone';
	/** Fields only a facilitator may set, e.g. moderation flags. */
	facilitatorFields?: readonly string[];
	/** Fields anyone may set on anyone's entry, e.g. proposing who could produce wished data. */
	anyoneFields?: readonly string[];
}

/** Roots a participant may write, per document kind; anything else is facilitator-only. */
export const ENTRY_POLICIES: Record<DocKind, Readonly<Record<string, EntryPolicy>>> = {
	control: {},
	canvas: {
		cards: { edit: 'author', facilitatorFields: ['hidden', 'mergedFrom'], anyoneFields: ['proposedDataOwner'] }
	},
	draft: { cards: { edit: 'author' } },
	map: { factors: { edit: 'anyone' }, links: { edit: 'anyone' }, loops: { edit: 'anyone' } },
	indicators: { readings: { edit: 'author' } },
	ballots: {}
};

export const AUTHOR_FIELD = 'authorId';

export type GuardVerdict = { ok: true } | { ok: false; reason: string };

/**
 * An entry-level change, for rules that depend on the workshop's state rather than
 * on ownership (e.g. a locked phase); return a reason to refuse.
 */
export type EntryChange =
	| { action: 'create'; root: string; key: string; fields: Record<string, unknown> }
	| { action: 'edit'; root: string; entry: Record<string, unknown>; field: string }
	| { action: 'delete'; root: string; entry: Record<string, unknown> };
export type EntryRule = (change: EntryChange) => string | null;

type Struct = Y.Item | Y.GC | Y.Skip;

/** Where an item sits: the root map, the entry under it, and the entry's field it belongs to. */
interface Location {
	root: string;
	entry: EntryRef;
	/** Field of the entry this item is (or is inside); null for the entry itself. */
	field: string | null;
}

type EntryRef = { where: 'doc'; item: Y.Item } | { where: 'update'; item: Y.Item };

class Unresolvable extends Error {}

export function checkParticipantUpdate(options: {
	doc: Y.Doc;
	kind: DocKind;
	actor: Actor;
	update: DecodedUpdate;
	rule?: EntryRule;
}): GuardVerdict {
	const { doc, kind, actor, update } = options;
	const ruled = new Set<string>();
	const applyRule = (change: EntryChange, item: Y.Item): GuardVerdict => {
		const key = `${item.id.client}:${item.id.clock}:${change.action === 'edit' ? change.field : change.action}`;
		if (!options.rule || ruled.has(key)) return { ok: true };
		ruled.add(key);
		const reason = options.rule(change);
		return reason ? deny(reason) : { ok: true };
	};
	if (actor.role === 'facilitator') return { ok: true };
	const policies = ENTRY_POLICIES[kind];
	const me = actor.participantId;
	const decoded = update;
	const inUpdate = indexStructs(decoded.structs);
	const resolver = new Resolver(doc, inUpdate);

	try {
		for (const struct of decoded.structs) {
			if (!(struct instanceof Y.Item)) continue;
			if (isInDoc(doc, struct.id)) continue; // already known: re-sent on reconnect, no change
			const location = resolver.locate(struct);
			const policy = policies[location.root];
			if (!policy) return deny(`participants may not write "${location.root}"`);
			if (location.field === null) {
				if (resolver.authorOf({ where: 'update', item: struct }) !== me) {
					return deny('a new entry must carry your own authorId');
				}
				// A concurrent write of the same key could win Yjs' conflict resolution and hide someone's entry.
				const key = resolver.keyOf(struct) ?? '';
				const existing = doc.getMap<unknown>(location.root).get(key);
				if (existing instanceof Y.Map && existing.get(AUTHOR_FIELD) !== me) {
					return deny('that entry belongs to someone else');
				}
				const created = applyRule({ action: 'create', root: location.root, key, fields: resolver.fieldsOf(struct) }, struct);
				if (!created.ok) return created;
				continue;
			}
			const verdict = checkFieldChange({ policy, location, me, resolver });
			if (!verdict.ok) return verdict;
			if (location.entry.where === 'doc') {
				const change = { action: 'edit' as const, root: location.root, entry: entryJson(location.entry.item), field: location.field };
				const edited = applyRule(change, location.entry.item);
				if (!edited.ok) return edited;
			}
		}

		for (const [client, ranges] of decoded.ds.clients) {
			for (const range of ranges) {
				for (const item of itemsInDoc(doc, client, range.clock, range.len)) {
					if (item.deleted) continue;
					const location = resolver.locateInDoc(item);
					const policy = policies[location.root];
					if (!policy) return deny(`participants may not delete from "${location.root}"`);
					if (location.field === null) {
						if (resolver.authorOf(location.entry) !== me) return deny('you may only delete your own entries');
						const deleted = applyRule({ action: 'delete', root: location.root, entry: entryJson(item) }, item);
						if (!deleted.ok) return deleted;
						continue;
					}
					// Deleting an entry deletes its fields too; the entry's own check above covers them.
					if (isDeletedBy(decoded.ds, location.entry.item.id)) continue;
					const verdict = checkFieldChange({ policy, location, me, resolver });
					if (!verdict.ok) return verdict;
					const change = { action: 'edit' as const, root: location.root, entry: entryJson(location.entry.item), field: location.field };
					const edited = applyRule(change, location.entry.item);
					if (!edited.ok) return edited;
				}
			}
		}
	} catch (error) {
		if (error instanceof Unresolvable) return deny('the update refers to content the server does not have');
		throw error;
	}
	return { ok: true };
}

function checkFieldChange(options: {
	policy: EntryPolicy;
	location: Location;
	me: string;
	resolver: Resolver;
}): GuardVerdict {
	const { policy, location, me, resolver } = options;
	const isNewEntry = location.entry.where === 'update';
	if (location.field === AUTHOR_FIELD && !isNewEntry) return deny('authorId cannot be changed');
	if (policy.facilitatorFields?.includes(location.field!)) return deny(`only the facilitator may set "${location.field}"`);
	if (isNewEntry || policy.edit === 'anyone' || policy.anyoneFields?.includes(location.field!)) return { ok: true };
	return resolver.authorOf(location.entry) === me ? { ok: true } : deny('you may only change your own entries');
}

const deny = (reason: string): GuardVerdict => ({ ok: false, reason });

function isDeletedBy(ds: { clients: Map<number, { clock: number; len: number }[]> }, id: Y.ID): boolean {
	return (ds.clients.get(id.client) ?? []).some((r) => id.clock >= r.clock && id.clock < r.clock + r.len);
}

function entryJson(item: Y.Item): Record<string, unknown> {
	const content = item.content;
	return content instanceof Y.ContentType && content.type instanceof Y.Map ? content.type.toJSON() : {};
}

function isInDoc(doc: Y.Doc, id: Y.ID): boolean {
	return id.clock < Y.getState(doc.store, id.client);
}

function indexStructs(structs: Struct[]): Map<number, Struct[]> {
	const byClient = new Map<number, Struct[]>();
	for (const struct of structs) {
		const list = byClient.get(struct.id.client) ?? [];
		list.push(struct);
		byClient.set(struct.id.client, list);
	}
	return byClient;
}

function* itemsInDoc(doc: Y.Doc, client: number, clock: number, len: number): Generator<Y.Item> {
	const structs = doc.store.clients.get(client);
	if (!structs) return;
	const end = clock + len;
	const state = Y.getState(doc.store, client);
	if (clock >= state) return;
	for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
		const struct = structs[i]!;
		if (struct.id.clock >= end) break;
		if (struct instanceof Y.Item) yield struct;
	}
}

/** Finds where items sit, looking first in the server's document and then in the update itself. */
class Resolver {
	constructor(
		private readonly doc: Y.Doc,
		private readonly inUpdate: Map<number, Struct[]>
	) {}

	locateInDoc(item: Y.Item): Location {
		let current = item;
		let field: string | null = null;
		for (;;) {
			const parent = current.parent as Y.AbstractType<unknown> | null;
			if (!parent) throw new Unresolvable();
			const owner = parent._item;
			if (owner === null) {
				return { root: Y.findRootTypeKey(parent), entry: { where: 'doc', item: current }, field };
			}
			field = current.parentSub ?? field ?? '';
			current = owner;
		}
	}

	locate(struct: Y.Item): Location {
		const parent = this.#directParent(struct);
		if (parent.kind === 'root') return { root: parent.name, entry: { where: 'update', item: struct }, field: null };
		if (parent.ref.where === 'doc') {
			const above = this.locateInDoc(parent.ref.item);
			return { ...above, field: above.field ?? parent.sub ?? '' };
		}
		const above = this.locate(parent.ref.item);
		return { ...above, field: above.field ?? parent.sub ?? '' };
	}

	/** The first value of each field set on an entry created in this update. */
	fieldsOf(entry: Y.Item): Record<string, unknown> {
		const fields: Record<string, unknown> = {};
		for (const structs of this.inUpdate.values()) {
			for (const struct of structs) {
				if (!(struct instanceof Y.Item) || struct.parentSub === null) continue;
				if (!(struct.parent instanceof Y.ID) || !Y.compareIDs(struct.parent, entry.id)) continue;
				if (!(struct.parentSub in fields)) [fields[struct.parentSub]] = struct.content.getContent();
			}
		}
		return fields;
	}

	authorOf(entry: EntryRef): string | null {
		if (entry.where === 'doc') {
			const content = entry.item.content;
			if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) return null;
			const author = content.type.get(AUTHOR_FIELD);
			return typeof author === 'string' ? author : null;
		}
		for (const structs of this.inUpdate.values()) {
			for (const struct of structs) {
				if (!(struct instanceof Y.Item) || struct.parentSub !== AUTHOR_FIELD) continue;
				if (!(struct.parent instanceof Y.ID) || !Y.compareIDs(struct.parent, entry.item.id)) continue;
				const [value] = struct.content.getContent();
				return typeof value === 'string' ? value : null;
			}
		}
		return null;
	}

	/** The parent of a decoded item; updates omit it when an origin implies it. */
	#directParent(
		struct: Y.Item
	): { kind: 'root'; name: string } | { kind: 'item'; ref: EntryRef; sub: string | null } {
		const parent = struct.parent as unknown;
		if (typeof parent === 'string') return { kind: 'root', name: parent };
		if (parent instanceof Y.ID) return { kind: 'item', ref: this.#find(parent), sub: struct.parentSub };
		const ref = this.#find(this.#neighbour(struct));
		if (ref.where === 'update') {
			const viaNeighbour = this.#directParent(ref.item);
			return viaNeighbour.kind === 'root' ? viaNeighbour : { ...viaNeighbour, sub: this.#parentSub(struct) };
		}
		const type = ref.item.parent as Y.AbstractType<unknown> | null;
		if (!type) throw new Unresolvable();
		if (type._item === null) return { kind: 'root', name: Y.findRootTypeKey(type) };
		return { kind: 'item', ref: { where: 'doc', item: type._item }, sub: ref.item.parentSub };
	}

	/** The map key of a decoded item: encoded only when no origin implies it, else the neighbour's. */
	keyOf(struct: Y.Item): string | null {
		return this.#parentSub(struct);
	}

	#parentSub(struct: Y.Item): string | null {
		if (struct.parent !== null) return struct.parentSub;
		const ref = this.#find(this.#neighbour(struct));
		return ref.where === 'doc' ? ref.item.parentSub : this.#parentSub(ref.item);
	}

	#neighbour(struct: Y.Item): Y.ID {
		const neighbour = struct.origin ?? struct.rightOrigin;
		if (!neighbour) throw new Unresolvable();
		return neighbour;
	}

	#find(id: Y.ID): EntryRef {
		if (isInDoc(this.doc, id)) {
			const struct = Y.getItem(this.doc.store, id) as Struct;
			if (struct instanceof Y.Item) return { where: 'doc', item: struct };
			throw new Unresolvable();
		}
		for (const struct of this.inUpdate.get(id.client) ?? []) {
			if (id.clock >= struct.id.clock && id.clock < struct.id.clock + struct.length && struct instanceof Y.Item) {
				return { where: 'update', item: struct };
			}
		}
		throw new Unresolvable();
	}
}
