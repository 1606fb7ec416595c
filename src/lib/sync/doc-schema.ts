import * as Y from 'yjs';
import { CARD_TEXT_MAX } from '$lib/domain/cards/card';
import { availableSchema, nextStepSchema } from '$lib/domain/cards/card-schema';
import { isFactorKind } from '$lib/domain/systemmap';
import type { DocKind } from '$lib/domain/workshop/documents';
import { getCards } from './schema';

/**
 * Each document kind's layout has a version, kept in the document (`schema.version`).
 * When the server loads a document written by an earlier version, the migrations from
 * its version up run once, as a server change, so every reader gets the migrated
 * document (tldraw's per-record migrations, by document kind here).
 *
 * Version 2 (server authority): documents are written only through checked commands.
 * What earlier versions let through is repaired where a field can go without losing
 * the entry: a card's broken details (available data, next step) are dropped and an
 * over-long text is cut, so the card shows again; a factor with an unknown kind
 * becomes a plain factor, so it and its links show again. Entries that cannot be
 * repaired stay stored and are skipped by the readers.
 */
export const DOC_SCHEMA_VERSIONS: Record<DocKind, number> = {
	control: 1,
	ballots: 1,
	canvas: 2,
	draft: 2,
	map: 2,
	indicators: 1
};

type Migration = (doc: Y.Doc) => void;

const repairCards: Migration = (doc) => {
	for (const entry of getCards(doc).values()) {
		if (!(entry instanceof Y.Map)) continue;
		if (entry.has('available') && !availableSchema.safeParse(entry.get('available')).success) entry.delete('available');
		if (entry.has('nextStep') && !nextStepSchema.safeParse(entry.get('nextStep')).success) entry.delete('nextStep');
		const text = entry.get('text');
		if (typeof text === 'string' && text.trim().length > CARD_TEXT_MAX) entry.set('text', text.trim().slice(0, CARD_TEXT_MAX));
		if (entry.has('proposedDataOwner') && typeof entry.get('proposedDataOwner') !== 'string') entry.delete('proposedDataOwner');
	}
};

const repairFactors: Migration = (doc) => {
	for (const entry of doc.getMap('factors').values()) {
		if (entry instanceof Y.Map && !isFactorKind(entry.get('kind'))) entry.set('kind', 'faktor');
	}
};

/** Migrations per kind: index i takes a document from version i + 1 to i + 2. */
const MIGRATIONS: Record<DocKind, readonly Migration[]> = {
	control: [],
	ballots: [],
	canvas: [repairCards],
	draft: [repairCards],
	map: [repairFactors],
	indicators: []
};

const schemaOf = (doc: Y.Doc) => doc.getMap<number>('schema');

/** The layout version a document was written in; documents from before versions were kept are version 1. */
export function docSchemaVersion(doc: Y.Doc): number {
	return schemaOf(doc).get('version') ?? 1;
}

/** Whether `doc` was written in an earlier layout. An empty document is new, not old. */
export function needsMigration(kind: DocKind, doc: Y.Doc): boolean {
	return doc.store.clients.size > 0 && docSchemaVersion(doc) < DOC_SCHEMA_VERSIONS[kind];
}

/** Runs the migrations `doc` lacks and records the version; call inside one transaction. */
export function migrateDoc(kind: DocKind, doc: Y.Doc): { from: number; to: number } {
	const from = docSchemaVersion(doc);
	const to = DOC_SCHEMA_VERSIONS[kind];
	for (let version = from; version < to; version++) MIGRATIONS[kind][version - 1]?.(doc);
	if (to > 1) schemaOf(doc).set('version', to);
	return { from, to };
}
