import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCards } from './cards';
import { docSchemaVersion, migrateDoc, needsMigration } from './doc-schema';
import { readMap } from './map';

/** A card as a version-1 document could hold it: written raw, past every check. */
function legacyCard(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
	const entry = new Y.Map<unknown>();
	for (const [key, value] of Object.entries({
		id,
		kind: 'tillganglig',
		text: 'Data',
		authorId: 'p1',
		sector: 'skola',
		createdAt: '2026-11-01T10:00:00Z',
		...fields
	})) {
		entry.set(key, value);
	}
	doc.getMap('cards').set(id, entry);
}

describe('document layout versions', () => {
	it('repairs cards an earlier version let through, so they show again, and records the version', () => {
		const doc = new Y.Doc();
		legacyCard(doc, 'empty-details', { available: {} });
		legacyCard(doc, 'bad-date', { kind: 'nasta-steg', nextStep: { prompt: 'boka-mote', owner: 'Jag', due: 'not-a-date' } });
		legacyCard(doc, 'long', { kind: 'onskvard', text: 'x'.repeat(900_000) });
		legacyCard(doc, 'no-author', { authorId: 42 });
		expect(readCards(doc).map((c) => c.id)).toEqual([]);
		expect(needsMigration('canvas', doc)).toBe(true);
		expect(migrateDoc('canvas', doc)).toEqual({ from: 1, to: 2 });
		const cards = readCards(doc);
		expect(cards.map((c) => c.id).sort()).toEqual(['bad-date', 'empty-details', 'long']);
		expect(cards.find((c) => c.id === 'long')?.text).toHaveLength(280);
		expect(cards.find((c) => c.id === 'empty-details')?.available).toBeUndefined();
		expect(docSchemaVersion(doc)).toBe(2);
		expect(needsMigration('canvas', doc)).toBe(false);
	});

	it('gives a factor with an unknown kind back to every view as a plain factor', () => {
		const doc = new Y.Doc();
		const entry = new Y.Map<unknown>();
		doc.getMap('factors').set('f1', entry);
		entry.set('label', 'Trygghet');
		entry.set('kind', 'ogiltig');
		entry.set('authorId', 'p1');
		expect(readMap(doc).factors).toEqual([]);
		migrateDoc('map', doc);
		expect(readMap(doc).factors).toMatchObject([{ id: 'f1', kind: 'faktor' }]);
	});

	it('leaves a new, empty document alone', () => {
		expect(needsMigration('canvas', new Y.Doc())).toBe(false);
	});
});
