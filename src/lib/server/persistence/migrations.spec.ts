import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrationsFor } from './migrations';

describe('schema migrations', () => {
	it('gives both dialects the same versions, in order', () => {
		const versions = migrationsFor('sqlite').map((m) => m.version);
		expect(versions).toEqual([...versions].sort((a, b) => a - b));
		expect(new Set(versions).size).toBe(versions.length);
		expect(migrationsFor('postgres').map((m) => m.version)).toEqual(versions);
	});

	it("writes each dialect's own types and nothing of the other's", () => {
		// Migrations for one dialect only are empty in the other, and left out here.
		const postgresVersions = new Set(
			migrationsFor('postgres')
				.filter((m) => m.sql)
				.map((m) => m.version)
		);
		const sqlite = migrationsFor('sqlite')
			.filter((m) => postgresVersions.has(m.version))
			.map((m) => m.sql)
			.join('\n');
		const postgres = migrationsFor('postgres')
			.filter((m) => m.sql)
			.map((m) => m.sql)
			.join('\n');
		expect(sqlite).toContain('seq INTEGER PRIMARY KEY AUTOINCREMENT');
		expect(sqlite).toContain('data BLOB NOT NULL');
		expect(sqlite).not.toMatch(/BYTEA|BIGSERIAL|BIGINT/);
		expect(postgres).toContain('seq BIGSERIAL PRIMARY KEY');
		expect(postgres).toContain('upto_seq BIGINT NOT NULL');
		expect(postgres).not.toMatch(/AUTOINCREMENT|BLOB/);
		// Apart from those words the two schemas are one text.
		const neutral = (text: string) =>
			text
				.replace(/INTEGER PRIMARY KEY AUTOINCREMENT|BIGSERIAL PRIMARY KEY/g, 'SERIAL')
				.replace(/BLOB|BYTEA/g, 'BYTES')
				.replace(/\bBIGINT\b/g, 'INTEGER');
		expect(neutral(postgres)).toBe(neutral(sqlite));
	});
});

describe('dialect-only migrations', () => {
	it('gives SQLite its own update numbering (8) and PostgreSQL nothing to run for it', () => {
		expect(migrationsFor('sqlite').find((m) => m.version === 8)?.sql).toContain('seq INTEGER PRIMARY KEY,');
		expect(migrationsFor('postgres').find((m) => m.version === 8)?.sql).toBe('');
	});
});

describe('migration 7 (organiser identities)', () => {
	it("keeps the one feed token of an older install as the passphrase organiser's, so its subscription keeps working", () => {
		const db = new Database(':memory:');
		const migrations = migrationsFor('sqlite');
		for (const m of migrations.filter((m) => m.version < 7)) db.exec(m.sql);
		db.prepare('INSERT INTO organiser_feed (id, token_hash, created_at) VALUES (1, ?, ?)').run('a'.repeat(64), '2026-11-05T15:00:00.000Z');
		db.exec(migrations.find((m) => m.version === 7)!.sql);
		expect(db.prepare('SELECT organiser, token_hash AS tokenHash, created_at AS createdAt FROM organiser_feeds').all()).toEqual([
			{ organiser: 'passphrase', tokenHash: 'a'.repeat(64), createdAt: '2026-11-05T15:00:00.000Z' }
		]);
		expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'organiser_feed'").all()).toEqual([]);
		db.close();
	});
});
