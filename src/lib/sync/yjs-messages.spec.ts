import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeYMessage, encodeSyncStep1, encodeSyncStep2, isAheadOf, stateVectorFromText, stateVectorText } from './yjs-messages';

/** A writer's changes, one update per change, and the server's copy that has seen some of them. */
function writer() {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	const cards = doc.getMap<string>('cards');
	cards.set('a', 'Andel elever som känner sig trygga');
	cards.set('b', 'Orosanmälningar 13–17 år');
	cards.set('a', 'Andel elever i åk 9 som känner sig trygga');
	return updates;
}

describe('catching a reader up', () => {
	it('finds a reader whose copy holds changes the server does not have', () => {
		const updates = writer();
		const server = new Y.Doc();
		Y.applyUpdate(server, updates[0]!);
		const reader = new Y.Doc();
		Y.applyUpdate(reader, updates[0]!);
		expect(isAheadOf(server, Y.encodeStateVector(reader))).toBe(false);
		expect(isAheadOf(server, Y.encodeStateVector(new Y.Doc()))).toBe(false);
		// The server shared its second change, then lost it in a crash before storing it.
		Y.applyUpdate(reader, updates[1]!);
		expect(isAheadOf(server, Y.encodeStateVector(reader))).toBe(true);
	});

	it('answers a state vector with exactly what the reader lacks', () => {
		const updates = writer();
		const server = new Y.Doc();
		updates.forEach((u) => Y.applyUpdate(server, u));
		const reader = new Y.Doc();
		Y.applyUpdate(reader, updates[0]!);
		const message = decodeYMessage(encodeSyncStep2(server, Y.encodeStateVector(reader)));
		expect(message.type).toBe('update');
		if (message.type === 'update') Y.applyUpdate(reader, message.update);
		expect(reader.getMap('cards').toJSON()).toEqual(server.getMap('cards').toJSON());
	});

	it('carries a state vector as handshake text (base64) unchanged', () => {
		const reader = new Y.Doc();
		writer().forEach((u) => Y.applyUpdate(reader, u));
		const text = stateVectorText(reader);
		expect(text).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
		expect(stateVectorFromText(text)).toEqual(Y.encodeStateVector(reader));
		expect(stateVectorText(new Y.Doc())).toBe('AA==');
	});

	it("reads a reader's SyncStep1 and throws on garbage", () => {
		const message = decodeYMessage(encodeSyncStep1(new Y.Doc()));
		expect(message.type).toBe('sync-step-1');
		expect(() => decodeYMessage(Uint8Array.from([7, 1, 2]))).toThrow();
		expect(() => decodeYMessage(Uint8Array.from([1, 1, 2]))).toThrow();
	});
});
