import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from './sqlite';
import type { WorkshopRow } from './workshops';

/** Whether the text is anywhere in the database file or its WAL, as raw bytes. */
function onDisk(dir: string, text: string): boolean {
	const needle = Buffer.from(text, 'utf8');
	return ['datadialog.sqlite', 'datadialog.sqlite-wal'].some((name) => {
		const file = join(dir, name);
		return existsSync(file) && readFileSync(file).includes(needle);
	});
}

const workshop = (id: string, code: string, title: string): WorkshopRow => ({
	id,
	code,
	title,
	secretHash: 'a'.repeat(64),
	phase: 'valj-fraga',
	status: 'open',
	createdAt: '2026-11-01T10:00:00.000Z'
});
const participant = (workshopId: string, id: string, displayName: string) => ({
	id,
	workshopId,
	tokenHash: 'h',
	displayName,
	sector: 'skola' as const,
	organisation: null,
	createdAt: '2026-11-01T10:00:00.000Z'
});

describe('SQLite erasure leaves nothing readable in the files', () => {
	const dirs: string[] = [];
	const open = async () => {
		const dir = mkdtempSync(join(tmpdir(), 'datadialog-erasure-'));
		dirs.push(dir);
		const storage = new SqliteStorage({ dataDir: dir });
		await storage.migrate();
		return { dir, storage };
	};
	afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

	it('deleting a workshop zeroes its title, names and card texts', async () => {
		const { dir, storage } = await open();
		await storage.workshops.insert(workshop('w1', 'ABCDEF', 'Hemlig workshop Zanzibar'));
		await storage.workshops.insert(workshop('w2', 'GHJKLM', 'Grannen som blir kvar'));
		await storage.participants.insert(participant('w1', 'p1', 'Qwertyna Xylofonsson'));
		await storage.docs.appendUpdate('w1', 'canvas:plenary', new TextEncoder().encode('kortet säger Mjölnarhemligheten'));
		expect(onDisk(dir, 'Qwertyna Xylofonsson')).toBe(true);
		expect(onDisk(dir, 'Mjölnarhemligheten')).toBe(true);

		await storage.workshops.delete('w1');
		expect(onDisk(dir, 'Hemlig workshop Zanzibar')).toBe(false);
		expect(onDisk(dir, 'Qwertyna Xylofonsson')).toBe(false);
		expect(onDisk(dir, 'Mjölnarhemligheten')).toBe(false);
		expect(onDisk(dir, 'Grannen som blir kvar')).toBe(true);
		await storage.close();
	});

	it('erasing names and removing a participant zeroes the names', async () => {
		const { dir, storage } = await open();
		await storage.workshops.insert(workshop('w1', 'ABCDEF', 'Workshop'));
		await storage.participants.insert(participant('w1', 'p1', 'Bortglömda Bengtsdotter'));
		await storage.participants.insert(participant('w1', 'p2', 'Borttagne Blomkvistson'));
		await storage.participants.delete('w1', 'p2');
		expect(onDisk(dir, 'Borttagne Blomkvistson')).toBe(false);
		await storage.participants.eraseNames('w1');
		expect(onDisk(dir, 'Bortglömda Bengtsdotter')).toBe(false);
		await storage.close();
	});
});
