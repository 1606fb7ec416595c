import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_SYNC } from '$lib/sync/protocol';

/**
 * Decoding of the y-websocket framing: `[varUint messageType][payload]`. Sync
 * payloads are `[varUint syncType][varUint8Array data]` (y-protocols/sync).
 */
export type IncomingYMessage =
	| { type: 'sync-step-1'; stateVector: Uint8Array }
	| { type: 'update'; update: Uint8Array }
	| { type: 'awareness'; payload: Uint8Array };

export function decodeYMessage(payload: Uint8Array): IncomingYMessage {
	const decoder = decoding.createDecoder(payload);
	const messageType = decoding.readVarUint(decoder);
	if (messageType === MESSAGE_SYNC) {
		const syncType = decoding.readVarUint(decoder);
		const data = decoding.readVarUint8Array(decoder);
		if (syncType === syncProtocol.messageYjsSyncStep1) return { type: 'sync-step-1', stateVector: data };
		if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
			return { type: 'update', update: data };
		}
		throw new Error(`unknown sync message type ${syncType}`);
	}
	if (messageType === 1) return { type: 'awareness', payload };
	throw new Error(`unknown message type ${messageType}`);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** A Yjs update taken apart once, for every check the server runs on it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Takes an update apart; throws on garbage, before anything stores it. */
export function decodeUpdate(update: Uint8Array): DecodedUpdate {
	return Y.decodeUpdate(update);
}

/** Whether an update changes nothing (no new content, no deletions). */
export function isEmptyUpdate(update: DecodedUpdate): boolean {
	return update.structs.length === 0 && update.ds.clients.size === 0;
}

/**
 * Whether an update builds on changes of its authors that `doc` lacks. Yjs would keep
 * such an update pending, invisible yet stored, while its deletions took effect at
 * once; it only happens after one of the sender's changes was refused or lost.
 */
export function missingDependencies(doc: Y.Doc, update: DecodedUpdate): boolean {
	const lowest = new Map<number, number>();
	for (const struct of update.structs) {
		const { client, clock } = struct.id;
		// A Skip is a hole in a merged update: what follows it needs that range.
		if (struct instanceof Y.Skip && clock + struct.length > Y.getState(doc.store, client)) return true;
		if (clock < (lowest.get(client) ?? Infinity)) lowest.set(client, clock);
	}
	for (const [client, clock] of lowest) {
		if (clock > Y.getState(doc.store, client)) return true;
	}
	return false;
}
