import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsFor } from './migrations';
import { SqliteStorage } from './sqlite';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('SQLite numbers document updates itself', () => {
	const dirs: string[] = [];
	const opened: SqliteStorage[] = [];
	const newDir = () => {
		const dir = mkdtempSync(join(tmpdir(), 'datadialog-sequence-'));
		dirs.push(dir);
		return dir;
	};
	const open = async (dir: string) => {
		const storage = new SqliteStorage({ dataDir: dir });
		opened.push(storage);
		await storage.migrate();
		return storage;
	};
	const close = async (storage: SqliteStorage) => {
		opened.splice(opened.indexOf(storage), 1);
		await storage.close();
	};
	afterEach(async () => {
		for (const storage of opened.splice(0)) await storage.close();
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	it('keeps numbering above everything stored, also after the newest updates were compacted away and the server restarted', async () => {
		const dir = newDir();
		const first = await open(dir);
		await first.docs.appendUpdate('w1', 'control', bytes('a'));
		const highest = await first.docs.appendUpdate('w1', 'canvas:plenary', bytes('b'));
		// The newest update is folded into a snapshot: no row holds the highest number any more.
		await first.docs.compactDoc('w1', 'canvas:plenary', bytes('snapshot'), highest);
		expect(await first.docs.appendUpdate('w1', 'control', bytes('c'))).toBe(highest + 1);
		await first.docs.compactDoc('w1', 'control', bytes('snapshot'), highest + 1);
		await close(first);

		const restarted = await open(dir);
		const next = await restarted.docs.appendUpdate('w2', 'control', bytes('d'));
		expect(next).toBe(highest + 2);
		expect((await restarted.docs.loadDoc('w2', 'control')).lastSeq).toBe(next);
	});

	it('hands out distinct numbers to appends that start before the first one has read where to continue', async () => {
		const storage = await open(newDir());
		const seqs = await Promise.all(Array.from({ length: 10 }, (_, i) => storage.docs.appendUpdate('w1', `map:m${i % 3}`, bytes(`u${i}`))));
		expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
	});

	it('migration 8 keeps every stored update with its number and stops writing sqlite_sequence', async () => {
		const dir = newDir();
		const file = join(dir, 'datadialog.sqlite');
		const old = new Database(file);
		old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
		for (const m of migrationsFor('sqlite').filter((m) => m.version < 8)) {
			old.exec(m.sql);
			old.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, '2026-11-01T10:00:00.000Z');
		}
		const insert = old.prepare('INSERT INTO doc_updates (workshop_id, doc_name, data) VALUES (?, ?, ?) RETURNING seq');
		const stored = ['x', 'y', 'z'].map((text) => (insert.get('w1', 'control', bytes(text)) as { seq: number }).seq);
		old.close();

		const storage = await open(dir);
		const loaded = await storage.docs.loadDoc('w1', 'control');
		expect(loaded.updates.map((u) => new TextDecoder().decode(u))).toEqual(['x', 'y', 'z']);
		expect(loaded.lastSeq).toBe(stored[2]);
		expect(await storage.docs.appendUpdate('w1', 'control', bytes('next'))).toBe(stored[2]! + 1);
		await close(storage);

		const check = new Database(file, { readonly: true });
		const table = check.prepare("SELECT sql FROM sqlite_master WHERE name = 'doc_updates'").get() as { sql: string };
		expect(table.sql).not.toContain('AUTOINCREMENT');
		expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'doc_updates_doc'").all()).toHaveLength(1);
		expect(check.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'doc_updates'").all()).toEqual([]);
		check.close();
	});
});
