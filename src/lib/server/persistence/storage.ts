import type { ArchiveRepository } from './archive';
import type { AuditLog } from './audit';
import type { DocumentStore } from './documents';
import type { FacilitatorLinkRepository } from './facilitator-links';
import type { FeedTokenRepository } from './feeds';
import type { OrganiserSessionRepository } from './organiser-sessions';
import type { ParticipantRepository } from './participants';
import type { SetupTemplateRepository } from './setup-templates';
import type { WorkshopRepository } from './workshops';

/**
 * Everything the server stores, by concern: a document store for the Yjs update logs
 * (documents.ts) and record repositories for workshops (workshops.ts), participants
 * (participants.ts), the archive with its versions and follow-up steps (archive.ts) and
 * the audit log (audit.ts), the organisers' calendar-feed tokens (feeds.ts) and their
 * OpenID Connect sessions (organiser-sessions.ts), the co-facilitators' links
 * (facilitator-links.ts) and the organisers' templates (setup-templates.ts).
 *
 * Three stores implement it: the embedded SQLite store (sqlite.ts) and the PostgreSQL
 * store (postgres.ts) share one SQL text per statement through a dialect seam
 * (sql-driver.ts, sql-storage.ts); the in-memory store (memory.ts) is for unit tests.
 * One contract suite runs against each (tests/integration/storage-contract.test.ts).
 */
export interface Storage {
	readonly kind: 'sqlite' | 'postgres' | 'memory';
	readonly workshops: WorkshopRepository;
	readonly participants: ParticipantRepository;
	readonly archive: ArchiveRepository;
	readonly audit: AuditLog;
	readonly docs: DocumentStore;
	readonly feeds: FeedTokenRepository;
	readonly facilitatorLinks: FacilitatorLinkRepository;
	readonly setupTemplates: SetupTemplateRepository;
	readonly organiserSessions: OrganiserSessionRepository;
	/** Brings the schema up to date; safe to run again, and from several instances at once. */
	migrate(): Promise<void>;
	/** Resolves when the database answers; used by /healthz. */
	ping(): Promise<void>;
	close(): Promise<void>;
}

export class DuplicateKeyError extends Error {
	constructor(what: string) {
		super(`duplicate ${what}`);
		this.name = 'DuplicateKeyError';
	}
}
