import { fromBase64, toBase64 } from 'lib0/buffer';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_SYNC } from '$lib/sync/protocol';

/**
 * Decoding of the y-websocket framing: `[varUint messageType][payload]`. Sync
 * payloads are `[varUint syncType][varUint8Array data]` (y-protocols/sync). Awareness
 * (message type 1) is not part of Datadialog's protocol: presence comes from the server.
 */
export type IncomingYMessage = { type: 'sync-step-1'; stateVector: Uint8Array } | { type: 'update'; update: Uint8Array };

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

/**
 * Whether a state vector (a client's SyncStep1) names changes `doc` does not have.
 * Only the server writes shared documents, so a reader ahead of it holds changes the
 * server lost (shared, then a crash before they were stored): that copy must start over.
 */
export function isAheadOf(doc: Y.Doc, stateVector: Uint8Array): boolean {
	for (const [client, clock] of Y.decodeStateVector(stateVector)) {
		if (clock > Y.getState(doc.store, client)) return true;
	}
	return false;
}

/** A document's state vector as handshake text (base64; see `handshakeSchema.open`). */
export function stateVectorText(doc: Y.Doc): string {
	return toBase64(Y.encodeStateVector(doc));
}

export function stateVectorFromText(text: string): Uint8Array {
	return fromBase64(text);
}
