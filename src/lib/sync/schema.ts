import * as Y from 'yjs';
import type { DocKind } from '$lib/domain/workshop/documents';

/**
 * The only place that knows how documents are laid out in Yjs. UI and server call
 * the typed accessors here and in the command modules, never `doc.getMap('…')`.
 *
 * Entities people edit at the same time (cards, factors, links) are nested Y.Maps
 * so concurrent edits to different fields merge instead of overwriting each other.
 */
export const SCHEMA_VERSION = 1;

/** Root names per document kind; an update touching any other root is rejected. */
export const ROOTS: Record<DocKind, readonly string[]> = {
	control: ['state'],
	canvas: ['cards', 'meta'],
	draft: ['cards'],
	map: ['factors', 'links', 'loops', 'meta'],
	indicators: ['catalogue', 'series', 'readings'],
	ballots: ['state']
};

export type CardMap = Y.Map<unknown>;

export function getCards(doc: Y.Doc): Y.Map<CardMap> {
	return doc.getMap<CardMap>('cards');
}

export function getControlState(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('state');
}

/** The server-only ballot box (`ballots` document). */
export function getBallotState(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('state');
}
