import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from './sqlite';

describe('SQLite checkpoints off the event loop', () => {
	const dirs: string[] = [];
	afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

	it('copies the WAL into the database file from its own thread, and keeps every write', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'datadialog-checkpoint-'));
		dirs.push(dir);
		const storage = new SqliteStorage({ dataDir: dir });
		await storage.migrate();
		const file = join(dir, 'datadialog.sqlite');
		const before = statSync(file).size;
		const update = new Uint8Array(2048).fill(7);
		for (let i = 0; i < 600; i++) await storage.docs.appendUpdate('w', 'canvas:plenary', update);
		// The commits themselves never checkpoint (that stalled the server); the worker does, within a second.
		const deadline = Date.now() + 5000;
		while (statSync(file).size < before + 600 * 2048 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		expect(statSync(file).size).toBeGreaterThanOrEqual(before + 600 * 2048);
		expect((await storage.docs.loadDoc('w', 'canvas:plenary')).updates).toHaveLength(600);
		await storage.close();
		const reopened = new SqliteStorage({ dataDir: dir });
		expect((await reopened.docs.loadDoc('w', 'canvas:plenary')).updates).toHaveLength(600);
		await reopened.close();
	});
});
