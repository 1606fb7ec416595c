import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStorage } from '../../src/lib/server/persistence/memory';
import { PostgresStorage } from '../../src/lib/server/persistence/postgres';
import { SqliteStorage } from '../../src/lib/server/persistence/sqlite';
import type { ArchiveRow } from '../../src/lib/server/persistence/archive';
import type { ParticipantRow } from '../../src/lib/server/persistence/participants';
import { DuplicateKeyError, type Storage } from '../../src/lib/server/persistence/storage';
import type { WorkshopRow } from '../../src/lib/server/persistence/workshops';
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
	municipality: null,
	...patch
});

const participant = (workshopId: string, id: string, patch: Partial<ParticipantRow> = {}): ParticipantRow => ({
	id,
	workshopId,
	tokenHash: 'h',
	displayName: 'Åsa',
	sector: 'skola',
	organisation: null,
	createdAt: '2026-11-01T10:00:00.000Z',
	...patch
});

const update = (key: string) => {
	const doc = new Y.Doc();
	doc.getMap('m').set(key, key);
	return Y.encodeStateAsUpdate(doc);
};

/** The keys of the Yjs map 'm' after applying a stored document. */
const keysOf = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
	const doc = new Y.Doc();
	if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
	for (const u of stored.updates) Y.applyUpdate(doc, u);
	return [...doc.getMap('m').keys()].sort();
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

	describe('workshops', () => {
		it('stores and finds workshops by id and by code, newest first', async () => {
			const s = await open();
			await s.workshops.insert(workshop('a1', 'ABCDEF'));
			await s.workshops.insert(workshop('b22', 'GHJKLM'));
			expect(await s.workshops.findById('a1')).toEqual(workshop('a1', 'ABCDEF'));
			expect(await s.workshops.findById('zz')).toBeNull();
			expect((await s.workshops.findByCode('GHJKLM'))?.id).toBe('b22');
			expect(await s.workshops.findByCode('ZZZZZZ')).toBeNull();
			expect((await s.workshops.list()).map((w) => w.id)).toEqual(['b22', 'a1']);
		});

		it('refuses a second workshop with the same id or join code', async () => {
			const s = await open();
			await s.workshops.insert(workshop('a1', 'ABCDEF'));
			await expect(s.workshops.insert(workshop('a2', 'ABCDEF'))).rejects.toBeInstanceOf(DuplicateKeyError);
			await expect(s.workshops.insert(workshop('a1', 'GHJKLM'))).rejects.toBeInstanceOf(DuplicateKeyError);
			expect(await s.workshops.list()).toHaveLength(1);
		});

		it('updates only the fields given, and nothing for an unknown id', async () => {
			const s = await open();
			await s.workshops.insert(workshop('a1', 'ABCDEF'));
			await s.workshops.update('a1', { phase: 'samverkan' });
			await s.workshops.update('a1', { status: 'closed', secretHash: 'b'.repeat(64) });
			await s.workshops.update('nope', { title: 'Ingen' });
			expect(await s.workshops.findById('a1')).toEqual({
				...workshop('a1', 'ABCDEF'),
				phase: 'samverkan',
				status: 'closed',
				secretHash: 'b'.repeat(64)
			});
			expect(await s.workshops.list()).toHaveLength(1);
		});

		it('deletes a workshop with its participants, documents, archive record, versions and follow-up steps, but keeps the audit log', async () => {
			const s = await open();
			await s.workshops.insert(workshop('a1', 'ABCDEF'));
			await s.workshops.insert(workshop('b22', 'GHJKLM'));
			for (const id of ['a1', 'b22']) {
				await s.participants.insert(participant(id, 'p1'));
				await s.docs.appendUpdate(id, 'control', update('x'));
				await s.docs.compactDoc(id, 'canvas:plenary', update('y'), 0);
				await s.archive.put(archive(id));
				await s.archive.insertVersion({ workshopId: id, version: 1, createdAt: '2026-11-05T15:00:00.000Z', document: '{}' });
				await s.archive.putFollowUpStep({ workshopId: id, cardId: 'c1', status: 'done', note: '', updatedAt: '2027-02-01T10:00:00.000Z' });
			}
			await s.audit.append({ at: '2026-11-06T15:00:00.000Z', action: 'delete', workshopId: 'a1', actor: 'facilitator' });
			await s.workshops.delete('a1');
			expect(await s.workshops.findById('a1')).toBeNull();
			expect(await s.participants.list('a1')).toEqual([]);
			expect(await s.docs.listDocNames('a1')).toEqual([]);
			expect(await s.docs.loadDoc('a1', 'control')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
			expect(await s.archive.find('a1')).toBeNull();
			expect(await s.archive.listVersions('a1')).toEqual([]);
			expect(await s.archive.listFollowUpSteps('a1')).toEqual([]);
			expect(await s.audit.list()).toHaveLength(1);
			// The other workshop keeps everything.
			expect(await s.workshops.findById('b22')).not.toBeNull();
			expect(await s.participants.list('b22')).toHaveLength(1);
			expect(await s.docs.listDocNames('b22')).toEqual(['canvas:plenary', 'control']);
			expect(await s.archive.find('b22')).toEqual(archive('b22'));
			expect(await s.archive.listVersions('b22')).toHaveLength(1);
			expect(await s.archive.listFollowUpSteps('b22')).toHaveLength(1);
		});

		it('lists workshops with their archive record, participant count and follow-ups started', async () => {
			const s = await open();
			await s.workshops.insert(workshop('a1', 'ABCDEF'));
			await s.workshops.insert(workshop('b22', 'GHJKLM'));
			for (const id of ['p1', 'p2']) await s.participants.insert(participant('a1', id, { displayName: 'X' }));
			await s.archive.put(archive('a1'));
			await s.archive.put(
				archive('b22', { closedAt: null, followUpDates: [], followUpOf: { workshopId: 'a1', title: 'A', version: 1, baseline: [] } })
			);
			const summaries = await s.workshops.listSummaries();
			expect(summaries.map((r) => [r.workshop.id, r.participantCount, r.followUpsStarted])).toEqual([
				['b22', 0, 0],
				['a1', 2, 1]
			]);
			expect(summaries[1]!.archive).toEqual(archive('a1'));
			expect(summaries[1]!.workshop).toEqual(workshop('a1', 'ABCDEF'));
		});

		it('lists a workshop without an archive record with none', async () => {
			const s = await open();
			await s.workshops.insert(workshop('a1', 'ABCDEF'));
			expect(await s.workshops.listSummaries()).toEqual([
				{ workshop: workshop('a1', 'ABCDEF'), archive: null, participantCount: 0, followUpsStarted: 0 }
			]);
		});
	});

	describe('participants', () => {
		it('keeps participants per workshop, in the order they joined', async () => {
			const s = await open();
			await s.workshops.insert(workshop('a1', 'ABCDEF'));
			const later = participant('a1', 'p0', { createdAt: '2026-11-01T10:05:00.000Z', sector: 'polis' });
			await s.participants.insert(later);
			await s.participants.insert(participant('a1', 'p1'));
			expect(await s.participants.find('a1', 'p1')).toEqual(participant('a1', 'p1'));
			expect(await s.participants.find('other', 'p1')).toBeNull();
			expect(await s.participants.list('a1')).toEqual([participant('a1', 'p1'), later]);
			expect(await s.participants.list('other')).toEqual([]);
			expect(await s.participants.count('a1')).toBe(2);
			expect(await s.participants.count('other')).toBe(0);
		});

		it('deletes one participant, and only in its own workshop', async () => {
			const s = await open();
			await s.workshops.insert(workshop('a1', 'ABCDEF'));
			await s.participants.insert(participant('a1', 'p1'));
			await s.participants.insert(participant('a1', 'p2'));
			expect(await s.participants.delete('other', 'p1')).toBe(false);
			expect(await s.participants.delete('a1', 'p1')).toBe(true);
			expect(await s.participants.find('a1', 'p1')).toBeNull();
			expect(await s.participants.delete('a1', 'p1')).toBe(false);
			expect((await s.participants.list('a1')).map((p) => p.id)).toEqual(['p2']);
		});

		it('erases display names but keeps the participants and their sectors', async () => {
			const s = await open();
			await s.workshops.insert(workshop('a1', 'ABCDEF'));
			await s.workshops.insert(workshop('b22', 'GHJKLM'));
			await s.participants.insert(participant('a1', 'p1'));
			await s.participants.insert(participant('a1', 'p2', { displayName: '', sector: 'polis', createdAt: '2026-11-01T10:01:00.000Z' }));
			await s.participants.insert(participant('b22', 'p3', { displayName: 'Bo' }));
			expect(await s.participants.eraseNames('a1')).toBe(1);
			expect((await s.participants.list('a1')).map((p) => [p.id, p.displayName, p.sector])).toEqual([
				['p1', '', 'skola'],
				['p2', '', 'polis']
			]);
			expect(await s.participants.eraseNames('a1')).toBe(0);
			expect((await s.participants.find('b22', 'p3'))?.displayName).toBe('Bo');
		});
	});

	describe('documents', () => {
		it('appends document updates in order and compacts them into a snapshot', async () => {
			const s = await open();
			const first = await s.docs.appendUpdate('a1', 'canvas:plenary', update('x'));
			const second = await s.docs.appendUpdate('a1', 'canvas:plenary', update('y'));
			await s.docs.appendUpdate('a1', 'map:m1', update('z'));
			expect(second).toBeGreaterThan(first);
			let stored = await s.docs.loadDoc('a1', 'canvas:plenary');
			expect(stored.snapshot).toBeNull();
			expect(stored.updates).toHaveLength(2);
			expect(stored.lastSeq).toBe(second);

			await s.docs.compactDoc('a1', 'canvas:plenary', update('merged'), first);
			stored = await s.docs.loadDoc('a1', 'canvas:plenary');
			expect(stored.snapshot).not.toBeNull();
			expect(stored.updates).toHaveLength(1);
			expect(stored.lastSeq).toBe(second);
			expect(keysOf(stored)).toEqual(['merged', 'y']);
			expect(await s.docs.listDocNames('a1')).toEqual(['canvas:plenary', 'map:m1']);
		});

		it('keeps the snapshot’s sequence number once every update is compacted', async () => {
			const s = await open();
			await s.docs.appendUpdate('a1', 'control', update('x'));
			const last = await s.docs.appendUpdate('a1', 'control', update('y'));
			await s.docs.compactDoc('a1', 'control', update('xy'), last);
			const stored = await s.docs.loadDoc('a1', 'control');
			expect(stored.updates).toEqual([]);
			expect(stored.lastSeq).toBe(last);
			expect(keysOf(stored)).toEqual(['xy']);
			// A later compaction replaces the snapshot.
			const next = await s.docs.appendUpdate('a1', 'control', update('z'));
			await s.docs.compactDoc('a1', 'control', update('xyz'), next);
			expect(keysOf(await s.docs.loadDoc('a1', 'control'))).toEqual(['xyz']);
		});

		it('keeps updates sent at the same moment apart, and stores every one', async () => {
			const s = await open();
			const texts = Array.from({ length: 20 }, (_, i) => `u${i}`);
			const seqs = await Promise.all(texts.map((t, i) => s.docs.appendUpdate('a1', i % 2 ? 'map:m1' : 'canvas:plenary', update(t))));
			expect(new Set(seqs).size).toBe(texts.length);
			expect(keysOf(await s.docs.loadDoc('a1', 'canvas:plenary'))).toEqual(texts.filter((_, i) => i % 2 === 0).sort());
		});

		it('returns an empty document for one never written', async () => {
			const s = await open();
			expect(await s.docs.loadDoc('nope', 'control')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
			expect(await s.docs.listDocNames('nope')).toEqual([]);
		});

		it('hands back the bytes it was given', async () => {
			const s = await open();
			const bytes = update('exact');
			await s.docs.appendUpdate('a1', 'control', bytes.subarray(0));
			const stored = await s.docs.loadDoc('a1', 'control');
			expect(stored.updates[0]).toBeInstanceOf(Uint8Array);
			expect([...stored.updates[0]!]).toEqual([...bytes]);
		});

		it("deletes one workshop's documents and no other's", async () => {
			const s = await open();
			await s.docs.appendUpdate('a1', 'control', update('x'));
			await s.docs.compactDoc('a1', 'map:m1', update('y'), 0);
			await s.docs.appendUpdate('b22', 'control', update('z'));
			await s.docs.deleteWorkshopDocs('a1');
			expect(await s.docs.listDocNames('a1')).toEqual([]);
			expect(await s.docs.loadDoc('a1', 'map:m1')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
			expect(keysOf(await s.docs.loadDoc('b22', 'control'))).toEqual(['z']);
		});
	});

	describe('archive', () => {
		it('keeps an archive record per workshop and replaces it whole', async () => {
			const s = await open();
			await s.workshops.insert(workshop('a1', 'ABCDEF'));
			expect(await s.archive.find('a1')).toBeNull();
			await s.archive.put(archive('a1'));
			expect(await s.archive.find('a1')).toEqual(archive('a1'));
			const baseline = [
				{ indicatorId: 'i1', seriesKey: 'i1|0180', area: { code: '0180', name: 'Stockholm' }, breakdown: {}, period: '2024', value: 4.5 }
			];
			const origin = { workshopId: 'z9', title: 'Första', version: 2, baseline };
			const replaced = archive('a1', {
				closedAt: null,
				followUpDates: [],
				followUpOf: origin,
				namesErasedAt: '2027-01-01T00:00:00.000Z',
				municipality: 'Nynäshamn'
			});
			await s.archive.put(replaced);
			expect(await s.archive.find('a1')).toEqual(replaced);
		});

		it('stores immutable archive versions and finds the latest or a given one', async () => {
			const s = await open();
			await s.workshops.insert(workshop('a1', 'ABCDEF'));
			expect(await s.archive.findVersion('a1')).toBeNull();
			await s.archive.insertVersion({ workshopId: 'a1', version: 1, createdAt: '2026-11-05T15:00:00.000Z', document: '{"v":1}' });
			await s.archive.insertVersion({ workshopId: 'a1', version: 2, createdAt: '2026-11-06T15:00:00.000Z', document: '{"v":"två"}' });
			await expect(
				s.archive.insertVersion({ workshopId: 'a1', version: 2, createdAt: '2026-11-07T15:00:00.000Z', document: '{}' })
			).rejects.toBeInstanceOf(DuplicateKeyError);
			expect(await s.archive.listVersions('a1')).toEqual([
				{ workshopId: 'a1', version: 1, createdAt: '2026-11-05T15:00:00.000Z' },
				{ workshopId: 'a1', version: 2, createdAt: '2026-11-06T15:00:00.000Z' }
			]);
			expect(await s.archive.findVersion('a1')).toEqual({
				workshopId: 'a1',
				version: 2,
				createdAt: '2026-11-06T15:00:00.000Z',
				document: '{"v":"två"}'
			});
			expect((await s.archive.findVersion('a1', 1))?.document).toBe('{"v":1}');
			expect(await s.archive.findVersion('a1', 3)).toBeNull();
		});

		it('keeps one status per carried-over next step, ordered by card id byte by byte', async () => {
			const s = await open();
			await s.workshops.insert(workshop('a1', 'ABCDEF'));
			const step = { workshopId: 'a1', cardId: 'c2', status: 'open' as const, note: '', updatedAt: '2027-02-01T10:00:00.000Z' };
			await s.archive.putFollowUpStep(step);
			await s.archive.putFollowUpStep({ ...step, cardId: 'c1' });
			await s.archive.putFollowUpStep({ ...step, cardId: 'C3' });
			await s.archive.putFollowUpStep({ ...step, status: 'changed', note: 'Nytt datum', updatedAt: '2027-02-02T10:00:00.000Z' });
			expect(await s.archive.listFollowUpSteps('a1')).toEqual([
				{ ...step, cardId: 'C3' },
				{ ...step, cardId: 'c1' },
				{ ...step, status: 'changed', note: 'Nytt datum', updatedAt: '2027-02-02T10:00:00.000Z' }
			]);
			expect(await s.archive.listFollowUpSteps('other')).toEqual([]);
		});
	});

	describe('feeds', () => {
		it("keeps one calendar-feed token hash per organiser and replaces only that organiser's on rotation", async () => {
			const s = await open();
			expect(await s.feeds.findFor('passphrase')).toBeNull();
			const mine = { organiser: 'passphrase', tokenHash: 'a'.repeat(64), createdAt: '2026-11-05T15:00:00.000Z' };
			const colleague = { organiser: 'oidc:kim', tokenHash: 'c'.repeat(64), createdAt: '2026-11-05T16:00:00.000Z' };
			await s.feeds.put(mine);
			await s.feeds.put(colleague);
			expect(await s.feeds.findFor('passphrase')).toEqual(mine);
			const rotated = { ...mine, tokenHash: 'b'.repeat(64), createdAt: '2026-11-06T15:00:00.000Z' };
			await s.feeds.put(rotated);
			expect(await s.feeds.findByHash('a'.repeat(64))).toBeNull();
			expect(await s.feeds.findByHash('b'.repeat(64))).toEqual(rotated);
			expect(await s.feeds.findByHash('c'.repeat(64))).toEqual(colleague);
		});
	});

	describe('organiserSessions', () => {
		it('finds a session until it expires or is removed', async () => {
			const s = await open();
			const row = {
				idHash: 'd'.repeat(64),
				organiser: 'oidc:kim',
				email: 'kim@kommun.se',
				createdAt: '2026-12-03T08:00:00.000Z',
				expiresAt: '2026-12-03T16:00:00.000Z'
			};
			await s.organiserSessions.insert(row);
			expect(await s.organiserSessions.findLive(row.idHash, new Date('2026-12-03T09:00:00.000Z'))).toEqual(row);
			expect(await s.organiserSessions.findLive(row.idHash, new Date('2026-12-03T16:00:01.000Z'))).toBeNull();
			await s.organiserSessions.remove(row.idHash);
			expect(await s.organiserSessions.findLive(row.idHash, new Date('2026-12-03T09:00:00.000Z'))).toBeNull();
		});
	});

	describe('facilitator links', () => {
		const link = (id: string, workshopId: string, hash: string) => ({
			id,
			workshopId,
			label: `Länk ${id}`,
			secretHash: hash.repeat(64),
			createdAt: `2026-11-05T15:00:0${id.length}.000Z`,
			revokedAt: null
		});

		it('keeps links per workshop, finds only active ones by hash, revokes once, and goes with its workshop', async () => {
			const s = await open();
			await s.workshops.insert(workshop('w1', 'AAA111'));
			await s.workshops.insert(workshop('w2', 'BBB222'));
			await s.facilitatorLinks.insert(link('l1', 'w1', 'a'));
			await s.facilitatorLinks.insert(link('l22', 'w1', 'b'));
			await s.facilitatorLinks.insert(link('l3', 'w2', 'c'));
			expect((await s.facilitatorLinks.list('w1')).map((row) => row.id)).toEqual(['l1', 'l22']);
			expect(await s.facilitatorLinks.findActive('w1', 'a'.repeat(64))).toEqual(link('l1', 'w1', 'a'));
			expect(await s.facilitatorLinks.findActive('w2', 'a'.repeat(64))).toBeNull();
			expect(await s.facilitatorLinks.revoke('w2', 'l1', '2026-11-06T10:00:00.000Z')).toBe(false);
			expect(await s.facilitatorLinks.revoke('w1', 'l1', '2026-11-06T10:00:00.000Z')).toBe(true);
			expect(await s.facilitatorLinks.revoke('w1', 'l1', '2026-11-06T11:00:00.000Z')).toBe(false);
			expect(await s.facilitatorLinks.findActive('w1', 'a'.repeat(64))).toBeNull();
			expect((await s.facilitatorLinks.list('w1'))[0]!.revokedAt).toBe('2026-11-06T10:00:00.000Z');
			await s.workshops.delete('w1');
			expect(await s.facilitatorLinks.list('w1')).toEqual([]);
			expect(await s.facilitatorLinks.list('w2')).toHaveLength(1);
		});
	});

	describe('setup templates', () => {
		it('keeps one template per workshop, renames it in place, lists by municipality, and goes with its workshop', async () => {
			const s = await open();
			await s.workshops.insert(workshop('w1', 'AAA111'));
			await s.workshops.insert(workshop('w2', 'BBB222'));
			await s.setupTemplates.put({ workshopId: 'w1', name: 'Konferens', municipality: null, createdAt: '2026-11-05T15:00:00.000Z' });
			await s.setupTemplates.put({ workshopId: 'w2', name: 'Besök', municipality: 'Botkyrka', createdAt: '2026-11-05T16:00:00.000Z' });
			await s.setupTemplates.put({
				workshopId: 'w1',
				name: 'Konferens, 45 min',
				municipality: null,
				createdAt: '2026-11-06T15:00:00.000Z'
			});
			expect(await s.setupTemplates.list()).toEqual([
				{ workshopId: 'w2', name: 'Besök', municipality: 'Botkyrka', createdAt: '2026-11-05T16:00:00.000Z' },
				{ workshopId: 'w1', name: 'Konferens, 45 min', municipality: null, createdAt: '2026-11-05T15:00:00.000Z' }
			]);
			await s.workshops.delete('w2');
			expect((await s.setupTemplates.list()).map((row) => row.workshopId)).toEqual(['w1']);
			expect(await s.setupTemplates.remove('w1')).toBe(true);
			expect(await s.setupTemplates.remove('w1')).toBe(false);
		});
	});

	describe('audit', () => {
		it('appends to the audit log in order', async () => {
			const s = await open();
			expect(await s.audit.list()).toEqual([]);
			await s.audit.append({ at: '2026-11-06T15:00:00.000Z', action: 'close', workshopId: 'a1', actor: 'facilitator' });
			await s.audit.append({ at: '2026-11-05T15:00:00.000Z', action: 'delete', workshopId: 'a1', actor: 'organiser' });
			await s.audit.append({ at: '2026-11-07T15:00:00.000Z', action: 'names-erased', workshopId: 'b2', actor: 'system' });
			expect(await s.audit.list()).toEqual([
				{ at: '2026-11-06T15:00:00.000Z', action: 'close', workshopId: 'a1', actor: 'facilitator' },
				{ at: '2026-11-05T15:00:00.000Z', action: 'delete', workshopId: 'a1', actor: 'organiser' },
				{ at: '2026-11-07T15:00:00.000Z', action: 'names-erased', workshopId: 'b2', actor: 'system' }
			]);
		});
	});
});
