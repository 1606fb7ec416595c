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
	/** Removes the workshop with its participants and documents. */
	deleteWorkshop(id: string): Promise<void>;

	insertParticipant(row: ParticipantRow): Promise<void>;
	findParticipant(workshopId: string, id: string): Promise<ParticipantRow | null>;
	listParticipants(workshopId: string): Promise<ParticipantRow[]>;

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
