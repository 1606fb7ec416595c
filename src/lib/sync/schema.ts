import * as Y from 'yjs';
import type { DocKind } from '$lib/domain/workshop/documents';

/**
 * The only place that knows how documents are laid out in Yjs. UI and server call
 * the typed accessors here and in the command modules, never `doc.getMap('…')`.
 *
 * Entities people edit at the same time (cards, factors, links) are nested Y.Maps
 * so concurrent edits to different fields merge instead of overwriting each other.
 */
/**
 * Root names per document kind. Besides the content roots, command-written documents
 * keep `applied` (each sender's last applied command, doc-commands.ts) and `schema`
 * (the layout version, doc-schema.ts).
 */
export const ROOTS: Record<DocKind, readonly string[]> = {
	control: ['state'],
	canvas: ['cards', 'meta', 'applied', 'schema'],
	draft: ['cards', 'applied', 'schema'],
	map: ['factors', 'links', 'loops', 'meta', 'applied', 'schema'],
	indicators: ['catalogue', 'series', 'readings', 'applied', 'schema'],
	ballots: ['state', 'responses']
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

/** The server-only answers to reflections, polls and the evaluation, one entry per person and question (`ballots` document). */
export function getResponseAnswers(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('responses');
}
