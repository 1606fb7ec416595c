import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStorage } from '../../src/lib/server/persistence/memory';
import { PostgresStorage } from '../../src/lib/server/persistence/postgres';
import { SqliteStorage } from '../../src/lib/server/persistence/sqlite';
import { DuplicateKeyError, type ArchiveRow, type Storage, type WorkshopRow } from '../../src/lib/server/persistence/storage';
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

const archive = (workshopId: string, patch: Partial<ArchiveRow> = {}): ArchiveRow => ({
	workshopId,
	closedAt: '2026-11-05T15:00:00.000Z',
	themeId: 'skolnarvaro',
	followUpDates: ['2027-02-05', '2027-11-05'],
	followUpOf: null,
	namesErasedAt: null,
	...patch
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

	it('deletes one participant, and only in its own workshop', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		const p = { id: 'p1', workshopId: 'a1', tokenHash: 'h', displayName: 'Åsa', sector: 'skola', createdAt: '2026-11-01T10:00:00.000Z' };
		await s.insertParticipant(p);
		expect(await s.deleteParticipant('other', 'p1')).toBe(false);
		expect(await s.deleteParticipant('a1', 'p1')).toBe(true);
		expect(await s.findParticipant('a1', 'p1')).toBeNull();
		expect(await s.deleteParticipant('a1', 'p1')).toBe(false);
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

	it('keeps updates sent at the same moment apart, and stores every one', async () => {
		const s = await open();
		const texts = Array.from({ length: 20 }, (_, i) => `u${i}`);
		const seqs = await Promise.all(texts.map((t, i) => s.appendUpdate('a1', i % 2 ? 'map:m1' : 'canvas:plenary', update(t))));
		expect(new Set(seqs).size).toBe(texts.length);
		const doc = new Y.Doc();
		for (const u of (await s.loadDoc('a1', 'canvas:plenary')).updates) Y.applyUpdate(doc, u);
		expect([...doc.getMap('m').keys()].sort()).toEqual(texts.filter((_, i) => i % 2 === 0).sort());
	});

	it('returns an empty document for one never written', async () => {
		const s = await open();
		expect(await s.loadDoc('nope', 'control')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
	});

	it('deletes a workshop with its participants and documents', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		await s.insertParticipant({
			id: 'p1',
			workshopId: 'a1',
			tokenHash: 'h',
			displayName: '',
			sector: 'polis',
			createdAt: '2026-11-01T10:00:00.000Z'
		});
		await s.appendUpdate('a1', 'control', update('x'));
		await s.deleteWorkshop('a1');
		expect(await s.findWorkshopById('a1')).toBeNull();
		expect(await s.listParticipants('a1')).toEqual([]);
		expect(await s.listDocNames('a1')).toEqual([]);
	});

	it('keeps an archive record per workshop and replaces it whole', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		expect(await s.findArchive('a1')).toBeNull();
		await s.putArchive(archive('a1'));
		expect(await s.findArchive('a1')).toEqual(archive('a1'));
		const baseline = [
			{ indicatorId: 'i1', seriesKey: 'i1|0180', area: { code: '0180', name: 'Stockholm' }, breakdown: {}, period: '2024', value: 4.5 }
		];
		const origin = { workshopId: 'z9', title: 'Första', version: 2, baseline };
		await s.putArchive(archive('a1', { closedAt: null, followUpDates: [], followUpOf: origin, namesErasedAt: '2027-01-01T00:00:00.000Z' }));
		expect(await s.findArchive('a1')).toEqual(
			archive('a1', { closedAt: null, followUpDates: [], followUpOf: origin, namesErasedAt: '2027-01-01T00:00:00.000Z' })
		);
	});

	it('stores immutable archive versions and finds the latest or a given one', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		expect(await s.findArchiveVersion('a1')).toBeNull();
		await s.insertArchiveVersion({ workshopId: 'a1', version: 1, createdAt: '2026-11-05T15:00:00.000Z', document: '{"v":1}' });
		await s.insertArchiveVersion({ workshopId: 'a1', version: 2, createdAt: '2026-11-06T15:00:00.000Z', document: '{"v":"två"}' });
		await expect(
			s.insertArchiveVersion({ workshopId: 'a1', version: 2, createdAt: '2026-11-07T15:00:00.000Z', document: '{}' })
		).rejects.toBeInstanceOf(DuplicateKeyError);
		expect(await s.listArchiveVersions('a1')).toEqual([
			{ workshopId: 'a1', version: 1, createdAt: '2026-11-05T15:00:00.000Z' },
			{ workshopId: 'a1', version: 2, createdAt: '2026-11-06T15:00:00.000Z' }
		]);
		expect((await s.findArchiveVersion('a1'))?.document).toBe('{"v":"två"}');
		expect((await s.findArchiveVersion('a1', 1))?.document).toBe('{"v":1}');
		expect(await s.findArchiveVersion('a1', 3)).toBeNull();
	});

	it('keeps one status per carried-over next step', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		const step = { workshopId: 'a1', cardId: 'c2', status: 'open' as const, note: '', updatedAt: '2027-02-01T10:00:00.000Z' };
		await s.putFollowUpStep(step);
		await s.putFollowUpStep({ ...step, cardId: 'c1' });
		await s.putFollowUpStep({ ...step, status: 'changed', note: 'Nytt datum', updatedAt: '2027-02-02T10:00:00.000Z' });
		expect(await s.listFollowUpSteps('a1')).toEqual([
			{ ...step, cardId: 'c1' },
			{ ...step, status: 'changed', note: 'Nytt datum', updatedAt: '2027-02-02T10:00:00.000Z' }
		]);
		expect(await s.listFollowUpSteps('other')).toEqual([]);
	});

	it('lists workshops with their archive record, participant count and follow-ups started', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		await s.insertWorkshop(workshop('b22', 'GHJKLM'));
		for (const id of ['p1', 'p2']) {
			await s.insertParticipant({
				id,
				workshopId: 'a1',
				tokenHash: 'h',
				displayName: 'X',
				sector: 'skola',
				createdAt: '2026-11-01T10:00:00.000Z'
			});
		}
		await s.putArchive(archive('a1'));
		await s.putArchive(
			archive('b22', { closedAt: null, followUpDates: [], followUpOf: { workshopId: 'a1', title: 'A', version: 1, baseline: [] } })
		);
		const summaries = await s.listWorkshopSummaries();
		expect(summaries.map((r) => [r.workshop.id, r.participantCount, r.followUpsStarted])).toEqual([
			['b22', 0, 0],
			['a1', 2, 1]
		]);
		expect(summaries[1]!.archive).toEqual(archive('a1'));
		expect(summaries[1]!.workshop).toEqual(workshop('a1', 'ABCDEF'));
	});

	it('erases participants’ display names but keeps them and their sectors', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		await s.insertParticipant({
			id: 'p1',
			workshopId: 'a1',
			tokenHash: 'h',
			displayName: 'Åsa',
			sector: 'skola',
			createdAt: '2026-11-01T10:00:00.000Z'
		});
		await s.insertParticipant({
			id: 'p2',
			workshopId: 'a1',
			tokenHash: 'h',
			displayName: '',
			sector: 'polis',
			createdAt: '2026-11-01T10:01:00.000Z'
		});
		expect(await s.eraseParticipantNames('a1')).toBe(1);
		expect((await s.listParticipants('a1')).map((p) => [p.id, p.displayName, p.sector])).toEqual([
			['p1', '', 'skola'],
			['p2', '', 'polis']
		]);
		expect(await s.eraseParticipantNames('a1')).toBe(0);
	});

	it('appends to the audit log in order', async () => {
		const s = await open();
		await s.appendAudit({ at: '2026-11-05T15:00:00.000Z', action: 'close', workshopId: 'a1', actor: 'facilitator' });
		await s.appendAudit({ at: '2026-11-06T15:00:00.000Z', action: 'delete', workshopId: 'a1', actor: 'organiser' });
		expect(await s.listAudit()).toEqual([
			{ at: '2026-11-05T15:00:00.000Z', action: 'close', workshopId: 'a1', actor: 'facilitator' },
			{ at: '2026-11-06T15:00:00.000Z', action: 'delete', workshopId: 'a1', actor: 'organiser' }
		]);
	});

	it('deletes a workshop’s archive versions, record and follow-up steps with it, but keeps the audit log', async () => {
		const s = await open();
		await s.insertWorkshop(workshop('a1', 'ABCDEF'));
		await s.putArchive(archive('a1'));
		await s.insertArchiveVersion({ workshopId: 'a1', version: 1, createdAt: '2026-11-05T15:00:00.000Z', document: '{}' });
		await s.putFollowUpStep({ workshopId: 'a1', cardId: 'c1', status: 'done', note: '', updatedAt: '2027-02-01T10:00:00.000Z' });
		await s.appendAudit({ at: '2026-11-06T15:00:00.000Z', action: 'delete', workshopId: 'a1', actor: 'facilitator' });
		await s.deleteWorkshop('a1');
		expect(await s.findArchive('a1')).toBeNull();
		expect(await s.listArchiveVersions('a1')).toEqual([]);
		expect(await s.listFollowUpSteps('a1')).toEqual([]);
		expect(await s.listAudit()).toHaveLength(1);
	});
});
