import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeUpdate, isEmptyUpdate, missingDependencies } from './yjs-messages';

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

describe('update checks', () => {
	it('accepts updates that build only on what the server has', () => {
		const [first, second] = writer();
		const server = new Y.Doc();
		expect(missingDependencies(server, decodeUpdate(first!))).toBe(false);
		Y.applyUpdate(server, first!);
		expect(missingDependencies(server, decodeUpdate(second!))).toBe(false);
		// Sent again after a reconnect: already known, nothing missing.
		expect(missingDependencies(server, decodeUpdate(first!))).toBe(false);
	});

	it('finds an update that skips one the server never got', () => {
		const [first, , third] = writer();
		const server = new Y.Doc();
		Y.applyUpdate(server, first!);
		expect(missingDependencies(server, decodeUpdate(third!))).toBe(true);
	});

	it('finds a hole inside a merged update', () => {
		const [first, , third] = writer();
		const merged = Y.mergeUpdates([first!, third!]);
		expect(missingDependencies(new Y.Doc(), decodeUpdate(merged))).toBe(true);
	});

	it('tells empty updates from real ones and throws on garbage', () => {
		expect(isEmptyUpdate(decodeUpdate(Y.encodeStateAsUpdate(new Y.Doc())))).toBe(true);
		expect(isEmptyUpdate(decodeUpdate(writer()[0]!))).toBe(false);
		expect(() => decodeUpdate(Uint8Array.from([200, 1, 2]))).toThrow();
	});
});
