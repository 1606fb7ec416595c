import type { BaselineReading, FollowUpStatus } from '$lib/domain/archive/schema';

/**
 * The one storage interface. The embedded SQLite store, the PostgreSQL store and
 * the in-memory store all implement it, and one contract test suite runs against
 * each (tests/integration/storage-contract.test.ts).
 *
 * Yjs documents are stored as an append-only log of updates plus an occasional
 * snapshot (hocuspocus' fetch/store idea, split so each update is durable on its own).
 */
export interface WorkshopRow {
	id: string;
	code: string;
	title: string;
	/** SHA-256 of the facilitator secret; the secret itself is never stored. */
	secretHash: string;
	phase: string;
	status: 'open' | 'closed';
	createdAt: string;
}

export interface ParticipantRow {
	id: string;
	workshopId: string;
	/** SHA-256 of the participant's session token. */
	tokenHash: string;
	displayName: string;
	sector: string;
	createdAt: string;
}

export interface StoredDoc {
	snapshot: Uint8Array | null;
	updates: Uint8Array[];
	/** Sequence number of the last update in `updates` (or of the snapshot). */
	lastSeq: number;
}

export type WorkshopPatch = Partial<Pick<WorkshopRow, 'title' | 'phase' | 'status' | 'secretHash'>>;

/** Where a follow-up workshop came from, with what its indicators read then (JSON, written once). */
export interface FollowUpOriginRow {
	workshopId: string;
	title: string;
	version: number;
	/** What the origin's indicators read when the follow-up started, for "then and now". */
	baseline: BaselineReading[];
}

/**
 * What the archive keeps beside a workshop: when it was last closed, the follow-up
 * dates set then, where a follow-up workshop came from, and when retention removed
 * the participants' names. Organiser-visible fields live here so the archive list
 * never has to load a workshop's documents.
 */
export interface ArchiveRow {
	workshopId: string;
	closedAt: string | null;
	themeId: string | null;
	/** Calendar dates (YYYY-MM-DD), ascending. */
	followUpDates: string[];
	followUpOf: FollowUpOriginRow | null;
	namesErasedAt: string | null;
}

/** One frozen snapshot of a workshop; `document` is the export JSON, never changed once written. */
export interface ArchiveVersionRow {
	workshopId: string;
	version: number;
	createdAt: string;
	document: string;
}

export type ArchiveVersionInfo = Omit<ArchiveVersionRow, 'document'>;

/** The facilitator's verdict on a next step carried over into a follow-up workshop. */
export interface FollowUpStepRow {
	workshopId: string;
	cardId: string;
	status: FollowUpStatus;
	/** What changed, for 'changed'; empty otherwise. */
	note: string;
	updatedAt: string;
}

export type AuditAction = 'close' | 'reopen' | 'follow-up' | 'import' | 'delete' | 'names-erased';

/** One line of the audit log: what happened to which workshop and on whose authority, never any content. */
export interface AuditEntry {
	at: string;
	action: AuditAction;
	workshopId: string;
	actor: 'facilitator' | 'organiser' | 'system';
}

/** A workshop as the organiser's archive lists it. */
export interface WorkshopSummaryRow {
	workshop: WorkshopRow;
	archive: ArchiveRow | null;
	participantCount: number;
	/** Follow-up workshops started from this one. */
	followUpsStarted: number;
}

export interface Storage {
	readonly kind: 'sqlite' | 'postgres' | 'memory';
	migrate(): Promise<void>;
	/** Resolves when the database answers; used by /healthz. */
	ping(): Promise<void>;
	close(): Promise<void>;

	/** Rejects with DuplicateKeyError when id or code is taken. */
	insertWorkshop(row: WorkshopRow): Promise<void>;
	findWorkshopById(id: string): Promise<WorkshopRow | null>;
	findWorkshopByCode(code: string): Promise<WorkshopRow | null>;
	listWorkshops(): Promise<WorkshopRow[]>;
	updateWorkshop(id: string, patch: WorkshopPatch): Promise<void>;
	/** Removes the workshop with its participants, documents, archive versions and follow-up records (not the audit log). */
	deleteWorkshop(id: string): Promise<void>;
	/** Every workshop with its archive record and counts, newest first. */
	listWorkshopSummaries(): Promise<WorkshopSummaryRow[]>;

	insertParticipant(row: ParticipantRow): Promise<void>;
	findParticipant(workshopId: string, id: string): Promise<ParticipantRow | null>;
	listParticipants(workshopId: string): Promise<ParticipantRow[]>;
	/** Removes one participant (their session stops working, they leave the cap); false when there was none. */
	deleteParticipant(workshopId: string, id: string): Promise<boolean>;
	/** Blanks every participant's display name in the workshop (sectors stay); resolves with how many had one. */
	eraseParticipantNames(workshopId: string): Promise<number>;

	findArchive(workshopId: string): Promise<ArchiveRow | null>;
	/** Inserts or replaces the workshop's archive record. */
	putArchive(row: ArchiveRow): Promise<void>;
	/** Rejects with DuplicateKeyError when the workshop already has this version. */
	insertArchiveVersion(row: ArchiveVersionRow): Promise<void>;
	/** Oldest first. */
	listArchiveVersions(workshopId: string): Promise<ArchiveVersionInfo[]>;
	/** The given version, or the latest when `version` is omitted. */
	findArchiveVersion(workshopId: string, version?: number): Promise<ArchiveVersionRow | null>;

	/** Inserts or replaces the status of one carried-over next step. */
	putFollowUpStep(row: FollowUpStepRow): Promise<void>;
	listFollowUpSteps(workshopId: string): Promise<FollowUpStepRow[]>;

	appendAudit(entry: AuditEntry): Promise<void>;
	/** Oldest first. */
	listAudit(): Promise<AuditEntry[]>;

	/** Durably appends one update; resolves with its sequence number once it is on disk. */
	appendUpdate(workshopId: string, docName: string, update: Uint8Array): Promise<number>;
	loadDoc(workshopId: string, docName: string): Promise<StoredDoc>;
	/** Replaces every update up to and including `uptoSeq` by `snapshot`. */
	compactDoc(workshopId: string, docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
	listDocNames(workshopId: string): Promise<string[]>;
}

export class DuplicateKeyError extends Error {
	constructor(what: string) {
		super(`duplicate ${what}`);
		this.name = 'DuplicateKeyError';
	}
}
