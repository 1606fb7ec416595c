import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStorage } from '../../src/lib/server/persistence/memory';
import { PostgresStorage } from '../../src/lib/server/persistence/postgres';
import { SqliteStorage } from '../../src/lib/server/persistence/sqlite';
import { DuplicateKeyError, type Storage, type WorkshopRow } from '../../src/lib/server/persistence/storage';
import { createDatabase } from '../helpers/postgres';

const backends: [string, () => Promise<Storage>][] = [
	['memory', async () => new MemoryStorage()],
	['sqlite', async () => new SqliteStorage({ dataDir: mkdtempSync(join(tmpdir(), 'dd-contract-')) })],
	['postgres', async () => new PostgresStorage({ connectionString: await createDatabase(inject('postgresUrl')) })]
];

const workshop = (id: string, code: string): WorkshopRow => ({
	id,
	code,
	title: `Workshop ${id}`,
	secretHash: 'a'.repeat(64),
	phase: 'valj-fraga',
	status: 'open',
	createdAt: new Date(Date.UTC(2026, 10, 1, 0, 0, id.length)).toISOString()
});

const update = (key: string) => {
	const doc = new Y.Doc();
	doc.getMap('m').set(key, key);
	return Y.encodeStateAsUpdate(doc);
};

describe.each(backends)('storage contract: %s', (_name, make) => {
	let storage: Storage;
	const open = async () => {
		storage = await make();
		await storage.migrate();
		return storage;
	};
	afterEach(async () => storage?.close());

	it('runs its migrations twice without harm and answers a ping', async () => {
		const s = await open();
		await s.migrate();
		await expect(s.ping()).resolves.toBeUndefined();
	});

	it('stores and finds workshops by id and by code, newest first', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		await s.insertWorkshop(workshop('b22', 'GHJKLM'));
		expect(await s.findWorkshopById('a1')).toEqual(workshop('a1', 'ABCDEF'));
		expect((await s.findWorkshopByCode('GHJKLM'))?.id).toBe('b22');
		expect(await s.findWorkshopByCode('ZZZZZZ')).toBeNull();
		expect((await s.listWorkshops()).map((w) => w.id)).toEqual(['b22', 'a1']);
	});

	it('refuses a second workshop with the same join code', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		await expect(s.insertWorkshop(workshop('a2', 'ABCDEF'))).rejects.toBeInstanceOf(DuplicateKeyError);
	});

	it('updates only the fields given', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		await s.updateWorkshop('a1', { phase: 'samverkan' });
		const row = await s.findWorkshopById('a1');
		expect(row?.phase).toBe('samverkan');
		expect(row?.title).toBe('Workshop a1');
	});

	it('keeps participants per workshop', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		const p = { id: 'p1', workshopId: 'a1', tokenHash: 'h', displayName: 'Åsa', sector: 'skola', createdAt: '2026-11-01T10:00:00.000Z' };
		await s.insertParticipant(p);
		expect(await s.findParticipant('a1', 'p1')).toEqual(p);
		expect(await s.findParticipant('other', 'p1')).toBeNull();
		expect(await s.listParticipants('a1')).toEqual([p]);
	});

	it('appends document updates in order and compacts them into a snapshot', async () => {
		const s = await open();
		const first = await s.appendUpdate('a1', 'canvas:plenary', update('x'));
		const second = await s.appendUpdate('a1', 'canvas:plenary', update('y'));
		await s.appendUpdate('a1', 'map:m1', update('z'));
		expect(second).toBeGreaterThan(first);
		let stored = await s.loadDoc('a1', 'canvas:plenary');
		expect(stored.updates).toHaveLength(2);
		expect(stored.lastSeq).toBe(second);

		await s.compactDoc('a1', 'canvas:plenary', update('merged'), first);
		stored = await s.loadDoc('a1', 'canvas:plenary');
		expect(stored.snapshot).not.toBeNull();
		expect(stored.updates).toHaveLength(1);
		expect(stored.lastSeq).toBe(second);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, stored.snapshot!);
		expect(doc.getMap('m').get('merged')).toBe('merged');
		expect(await s.listDocNames('a1')).toEqual(['canvas:plenary', 'map:m1']);
	});

	it('returns an empty document for one never written', async () => {
		const s = await open();
		expect(await s.loadDoc('nope', 'control')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
	});

	it('deletes a workshop with its participants and documents', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		await s.insertParticipant({ id: 'p1', workshopId: 'a1', tokenHash: 'h', displayName: '', sector: 'polis', createdAt: '2026-11-01T10:00:00.000Z' });
		await s.appendUpdate('a1', 'control', update('x'));
		await s.deleteWorkshop('a1');
		expect(await s.findWorkshopById('a1')).toBeNull();
		expect(await s.listParticipants('a1')).toEqual([]);
		expect(await s.listDocNames('a1')).toEqual([]);
	});
});
