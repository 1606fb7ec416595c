import { describe, expect, it } from 'vitest';
import { canAccessDoc, isFacilitator, type Actor } from './access';
import { parseDocName } from './documents';

const facilitator: Actor = { role: 'facilitator', workshopId: 'w1' };
const alice: Actor = { role: 'participant', workshopId: 'w1', participantId: 'alice' };
const doc = (name: string) => parseDocName(name)!;

describe('document access', () => {
	it('lets nobody write the control document directly, so phase and votes change only through checked commands', () => {
		expect(canAccessDoc({ actor: facilitator, doc: doc('control'), mode: 'write' })).toBe(false);
		expect(canAccessDoc({ actor: alice, doc: doc('control'), mode: 'write' })).toBe(false);
		expect(canAccessDoc({ actor: alice, doc: doc('control'), mode: 'read' })).toBe(true);
	});

	it('lets participants read and write canvases and maps', () => {
		expect(canAccessDoc({ actor: alice, doc: doc('canvas:plenary'), mode: 'write' })).toBe(true);
		expect(canAccessDoc({ actor: alice, doc: doc('map:m1'), mode: 'write' })).toBe(true);
	});

	it('keeps a private draft to its author, with the facilitator reading only', () => {
		expect(canAccessDoc({ actor: alice, doc: doc('draft:alice'), mode: 'write' })).toBe(true);
		expect(canAccessDoc({ actor: alice, doc: doc('draft:bob'), mode: 'read' })).toBe(false);
		expect(canAccessDoc({ actor: facilitator, doc: doc('draft:alice'), mode: 'read' })).toBe(true);
		expect(canAccessDoc({ actor: facilitator, doc: doc('draft:alice'), mode: 'write' })).toBe(false);
	});

	it('recognises a facilitator only for their own workshop', () => {
		expect(isFacilitator(facilitator, 'w1')).toBe(true);
		expect(isFacilitator(facilitator, 'w2')).toBe(false);
		expect(isFacilitator(alice, 'w1')).toBe(false);
		expect(isFacilitator(null, 'w1')).toBe(false);
	});
});
