import { describe, expect, it } from 'vitest';
import type { App } from '../app';
import { MemoryStorage } from '../persistence/memory';
import type { WorkshopRow } from '../persistence/workshops';
import { sweepRetention } from './retention';

const workshop = (id: string, status: WorkshopRow['status']): WorkshopRow => ({
	id,
	code: id.toUpperCase().padEnd(6, 'X'),
	title: id,
	secretHash: 'h',
	phase: 'sammanfattning',
	status,
	createdAt: '2026-01-01T00:00:00.000Z'
});

async function setUp() {
	const storage = new MemoryStorage();
	for (const [id, status, closedAt] of [
		['old', 'closed', '2026-01-01T00:00:00.000Z'],
		['recent', 'closed', '2026-03-25T00:00:00.000Z'],
		['reopened', 'open', '2026-01-01T00:00:00.000Z']
	] as const) {
		await storage.workshops.insert(workshop(id, status));
		await storage.participants.insert({
			id: `${id}-p`,
			workshopId: id,
			tokenHash: 't',
			displayName: 'Åsa Lind',
			sector: 'skola',
			organisation: null,
			createdAt: closedAt
		});
		await storage.archive.put({
			workshopId: id,
			closedAt,
			themeId: null,
			followUpDates: [],
			followUpOf: null,
			namesErasedAt: null,
			municipality: null
		});
	}
	return { storage, app: { storage } as unknown as App };
}

const names = async (storage: MemoryStorage, id: string) => (await storage.participants.list(id)).map((p) => [p.displayName, p.sector]);

describe('sweepRetention', () => {
	const now = new Date('2026-04-01T00:00:00.000Z');

	it('erases names from workshops closed longer ago than the retention, keeping sectors, and logs it', async () => {
		const { storage, app } = await setUp();
		expect(await sweepRetention(app, { retentionDays: 30, now })).toBe(1);
		expect(await names(storage, 'old')).toEqual([['', 'skola']]);
		expect(await names(storage, 'recent')).toEqual([['Åsa Lind', 'skola']]);
		expect(await names(storage, 'reopened')).toEqual([['Åsa Lind', 'skola']]);
		expect((await storage.archive.find('old'))?.namesErasedAt).toBe(now.toISOString());
		expect(await storage.audit.list()).toEqual([{ at: now.toISOString(), action: 'names-erased', workshopId: 'old', actor: 'system' }]);
		expect(await sweepRetention(app, { retentionDays: 30, now })).toBe(0);
	});

	it('keeps every name when no retention is configured', async () => {
		const { storage, app } = await setUp();
		expect(await sweepRetention(app, { retentionDays: null, now })).toBe(0);
		expect(await names(storage, 'old')).toEqual([['Åsa Lind', 'skola']]);
	});
});
