import { SqlArchiveRepository } from './archive';
import { SqlAuditLog } from './audit';
import { SqlDocumentStore } from './documents';
import { SqlFacilitatorLinkRepository } from './facilitator-links';
import { SqlFeedTokenRepository } from './feeds';
import { migrationsFor } from './migrations';
import { SqlOrganiserSessionRepository } from './organiser-sessions';
import { SqlParticipantRepository } from './participants';
import { SqlSetupTemplateRepository } from './setup-templates';
import type { SqlDriver } from './sql-driver';
import type { Storage } from './storage';
import { SqlWorkshopRepository } from './workshops';

/** The repositories over one SQL driver: what the SQLite and the PostgreSQL store have in common. */
export abstract class SqlStorage implements Storage {
	abstract readonly kind: 'sqlite' | 'postgres';
	readonly workshops: SqlWorkshopRepository;
	readonly participants: SqlParticipantRepository;
	readonly archive: SqlArchiveRepository;
	readonly audit: SqlAuditLog;
	readonly docs: SqlDocumentStore;
	readonly feeds: SqlFeedTokenRepository;
	readonly facilitatorLinks: SqlFacilitatorLinkRepository;
	readonly setupTemplates: SqlSetupTemplateRepository;
	readonly organiserSessions: SqlOrganiserSessionRepository;
	readonly #db: SqlDriver;

	constructor(db: SqlDriver) {
		this.#db = db;
		this.participants = new SqlParticipantRepository(db);
		this.archive = new SqlArchiveRepository(db);
		this.audit = new SqlAuditLog(db);
		this.docs = new SqlDocumentStore(db);
		this.feeds = new SqlFeedTokenRepository(db);
		this.facilitatorLinks = new SqlFacilitatorLinkRepository(db);
		this.setupTemplates = new SqlSetupTemplateRepository(db);
		this.organiserSessions = new SqlOrganiserSessionRepository(db);
		// Children first: their rows point at the workshop.
		this.workshops = new SqlWorkshopRepository(db, [
			this.archive,
			this.docs,
			this.participants,
			this.facilitatorLinks,
			this.setupTemplates
		]);
	}

	/** Applies the migrations not yet applied, each in its own transaction with its version. */
	migrate(): Promise<void> {
		const db = this.#db;
		return db.withSchemaLock(async () => {
			await db.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
			const done = new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
			for (const migration of migrationsFor(db.dialect)) {
				if (done.has(migration.version)) continue;
				await db.transaction([
					...(migration.sql ? [{ sql: migration.sql, script: true }] : []),
					{
						sql: 'INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)',
						params: [migration.version, new Date().toISOString()]
					}
				]);
			}
		});
	}

	async ping(): Promise<void> {
		await this.#db.get('SELECT 1');
	}

	close(): Promise<void> {
		return this.#db.close();
	}
}
