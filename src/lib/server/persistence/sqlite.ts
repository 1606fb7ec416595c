import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
	DuplicateKeyError,
	type ArchiveRow,
	type ArchiveVersionInfo,
	type ArchiveVersionRow,
	type AuditEntry,
	type FollowUpStepRow,
	type ParticipantRow,
	type Storage,
	type StoredDoc,
	type WorkshopPatch,
	type WorkshopRow,
	type WorkshopSummaryRow
} from './storage';
import { migrationsFor } from './migrations';
import { toArchive, type ArchiveDbRow } from './archive-rows';

interface WorkshopDbRow {
	id: string;
	code: string;
	title: string;
	secret_hash: string;
	phase: string;
	status: 'open' | 'closed';
	created_at: string;
}

interface ParticipantDbRow {
	id: string;
	workshop_id: string;
	token_hash: string;
	display_name: string;
	sector: string;
	created_at: string;
}

const toWorkshop = (r: WorkshopDbRow): WorkshopRow => ({
	id: r.id,
	code: r.code,
	title: r.title,
	secretHash: r.secret_hash,
	phase: r.phase,
	status: r.status,
	createdAt: r.created_at
});

const toParticipant = (r: ParticipantDbRow): ParticipantRow => ({
	id: r.id,
	workshopId: r.workshop_id,
	tokenHash: r.token_hash,
	displayName: r.display_name,
	sector: r.sector,
	createdAt: r.created_at
});

const toBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/**
 * Embedded store: one SQLite file in DATA_DIR, no server to run. WAL mode with
 * synchronous=NORMAL survives a killed process (the WAL is fsync'd at checkpoints
 * and the OS keeps written pages); only a power cut could lose the last commits.
 */
export class SqliteStorage implements Storage {
	readonly kind = 'sqlite' as const;
	readonly #db: Database.Database;
	/** Statements compiled once: preparing costs more than running a small one. */
	readonly #statements = new Map<string, Database.Statement>();

	constructor(options: { dataDir: string } | { file: ':memory:' }) {
		let file: string;
		if ('dataDir' in options) {
			mkdirSync(options.dataDir, { recursive: true });
			file = join(options.dataDir, 'datadialog.sqlite');
		} else {
			file = options.file;
		}
		this.#db = new Database(file);
		this.#db.pragma('journal_mode = WAL');
		this.#db.pragma('synchronous = NORMAL');
		this.#db.pragma('foreign_keys = ON');
		this.#db.pragma('busy_timeout = 5000');
		// Erased names and card texts are zeroed in the file, not just unlinked from the b-tree.
		this.#db.pragma('secure_delete = ON');
	}

	/** After an erasure: copy the WAL (which still holds the old pages) into the file and empty it. */
	#checkpoint(): void {
		if (this.#db.memory) return;
		this.#db.pragma('wal_checkpoint(TRUNCATE)');
	}

	#prepared(sql: string): Database.Statement {
		let statement = this.#statements.get(sql);
		if (!statement) {
			statement = this.#db.prepare(sql);
			this.#statements.set(sql, statement);
		}
		return statement;
	}

	async migrate(): Promise<void> {
		const db = this.#db;
		db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
		const done = new Set(
			db
				.prepare('SELECT version FROM schema_migrations')
				.all()
				.map((r) => (r as { version: number }).version)
		);
		for (const migration of migrationsFor('sqlite')) {
			if (done.has(migration.version)) continue;
			db.transaction(() => {
				db.exec(migration.sql);
				db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, new Date().toISOString());
			})();
		}
	}

	async ping(): Promise<void> {
		this.#prepared('SELECT 1').get();
	}

	async close(): Promise<void> {
		this.#db.close();
	}

	async insertWorkshop(row: WorkshopRow): Promise<void> {
		try {
			this.#prepared('INSERT INTO workshops (id, code, title, secret_hash, phase, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
				row.id,
				row.code,
				row.title,
				row.secretHash,
				row.phase,
				row.status,
				row.createdAt
			);
		} catch (error) {
			if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
				throw new DuplicateKeyError('workshop id or code');
			}
			throw error;
		}
	}

	async findWorkshopById(id: string): Promise<WorkshopRow | null> {
		const row = this.#prepared('SELECT * FROM workshops WHERE id = ?').get(id) as WorkshopDbRow | undefined;
		return row ? toWorkshop(row) : null;
	}

	async findWorkshopByCode(code: string): Promise<WorkshopRow | null> {
		const row = this.#prepared('SELECT * FROM workshops WHERE code = ?').get(code) as WorkshopDbRow | undefined;
		return row ? toWorkshop(row) : null;
	}

	async listWorkshops(): Promise<WorkshopRow[]> {
		const rows = this.#prepared('SELECT * FROM workshops ORDER BY created_at DESC').all() as WorkshopDbRow[];
		return rows.map(toWorkshop);
	}

	async updateWorkshop(id: string, patch: WorkshopPatch): Promise<void> {
		const current = await this.findWorkshopById(id);
		if (!current) return;
		const next = { ...current, ...patch };
		this.#prepared('UPDATE workshops SET title = ?, phase = ?, status = ?, secret_hash = ? WHERE id = ?').run(
			next.title,
			next.phase,
			next.status,
			next.secretHash,
			id
		);
	}

	async deleteWorkshop(id: string): Promise<void> {
		this.#db.transaction(() => {
			this.#prepared('DELETE FROM workshop_archive WHERE workshop_id = ?').run(id);
			this.#prepared('DELETE FROM archive_versions WHERE workshop_id = ?').run(id);
			this.#prepared('DELETE FROM follow_up_steps WHERE workshop_id = ?').run(id);
			this.#prepared('DELETE FROM doc_updates WHERE workshop_id = ?').run(id);
			this.#prepared('DELETE FROM doc_snapshots WHERE workshop_id = ?').run(id);
			this.#prepared('DELETE FROM participants WHERE workshop_id = ?').run(id);
			this.#prepared('DELETE FROM workshops WHERE id = ?').run(id);
		})();
		this.#checkpoint();
	}

	async listWorkshopSummaries(): Promise<WorkshopSummaryRow[]> {
		const rows = this.#prepared(
			`SELECT w.*, a.workshop_id AS a_workshop_id, a.closed_at, a.theme_id, a.follow_up_dates, a.follow_up_of, a.names_erased_at,
				(SELECT COUNT(*) FROM participants p WHERE p.workshop_id = w.id) AS participant_count,
				(SELECT COUNT(*) FROM workshop_archive f WHERE f.follow_up_of_id = w.id) AS follow_ups_started
			 FROM workshops w LEFT JOIN workshop_archive a ON a.workshop_id = w.id
			 ORDER BY w.created_at DESC`
		).all() as (WorkshopDbRow &
			Omit<ArchiveDbRow, 'workshop_id'> & {
				a_workshop_id: string | null;
				participant_count: number;
				follow_ups_started: number;
			})[];
		return rows.map((r) => ({
			workshop: toWorkshop(r),
			archive: r.a_workshop_id ? toArchive({ ...r, workshop_id: r.a_workshop_id }) : null,
			participantCount: Number(r.participant_count),
			followUpsStarted: Number(r.follow_ups_started)
		}));
	}

	async insertParticipant(row: ParticipantRow): Promise<void> {
		this.#prepared(
			'INSERT INTO participants (id, workshop_id, token_hash, display_name, sector, created_at) VALUES (?, ?, ?, ?, ?, ?)'
		).run(row.id, row.workshopId, row.tokenHash, row.displayName, row.sector, row.createdAt);
	}

	async findParticipant(workshopId: string, id: string): Promise<ParticipantRow | null> {
		const row = this.#prepared('SELECT * FROM participants WHERE workshop_id = ? AND id = ?').get(workshopId, id) as
			ParticipantDbRow | undefined;
		return row ? toParticipant(row) : null;
	}

	async listParticipants(workshopId: string): Promise<ParticipantRow[]> {
		const rows = this.#prepared('SELECT * FROM participants WHERE workshop_id = ? ORDER BY created_at').all(
			workshopId
		) as ParticipantDbRow[];
		return rows.map(toParticipant);
	}

	async deleteParticipant(workshopId: string, id: string): Promise<boolean> {
		const deleted = this.#prepared('DELETE FROM participants WHERE workshop_id = ? AND id = ?').run(workshopId, id).changes > 0;
		this.#checkpoint();
		return deleted;
	}

	async eraseParticipantNames(workshopId: string): Promise<number> {
		const erased = this.#prepared("UPDATE participants SET display_name = '' WHERE workshop_id = ? AND display_name <> ''").run(
			workshopId
		).changes;
		this.#checkpoint();
		return erased;
	}

	async findArchive(workshopId: string): Promise<ArchiveRow | null> {
		const row = this.#prepared('SELECT * FROM workshop_archive WHERE workshop_id = ?').get(workshopId) as ArchiveDbRow | undefined;
		return row ? toArchive(row) : null;
	}

	async putArchive(row: ArchiveRow): Promise<void> {
		this.#prepared(
			`INSERT INTO workshop_archive (workshop_id, closed_at, theme_id, follow_up_dates, follow_up_of_id, follow_up_of, names_erased_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (workshop_id) DO UPDATE SET closed_at = excluded.closed_at, theme_id = excluded.theme_id,
			 follow_up_dates = excluded.follow_up_dates, follow_up_of_id = excluded.follow_up_of_id,
			 follow_up_of = excluded.follow_up_of, names_erased_at = excluded.names_erased_at`
		).run(
			row.workshopId,
			row.closedAt,
			row.themeId,
			JSON.stringify(row.followUpDates),
			row.followUpOf?.workshopId ?? null,
			row.followUpOf ? JSON.stringify(row.followUpOf) : null,
			row.namesErasedAt
		);
	}

	async insertArchiveVersion(row: ArchiveVersionRow): Promise<void> {
		try {
			this.#prepared('INSERT INTO archive_versions (workshop_id, version, created_at, document) VALUES (?, ?, ?, ?)').run(
				row.workshopId,
				row.version,
				row.createdAt,
				row.document
			);
		} catch (error) {
			if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateKeyError('archive version');
			throw error;
		}
	}

	async listArchiveVersions(workshopId: string): Promise<ArchiveVersionInfo[]> {
		return this.#prepared(
			'SELECT workshop_id AS workshopId, version, created_at AS createdAt FROM archive_versions WHERE workshop_id = ? ORDER BY version'
		).all(workshopId) as ArchiveVersionInfo[];
	}

	async findArchiveVersion(workshopId: string, version?: number): Promise<ArchiveVersionRow | null> {
		const columns = 'workshop_id AS workshopId, version, created_at AS createdAt, document';
		const row =
			version === undefined
				? this.#prepared(`SELECT ${columns} FROM archive_versions WHERE workshop_id = ? ORDER BY version DESC LIMIT 1`).get(workshopId)
				: this.#prepared(`SELECT ${columns} FROM archive_versions WHERE workshop_id = ? AND version = ?`).get(workshopId, version);
		return (row as ArchiveVersionRow | undefined) ?? null;
	}

	async putFollowUpStep(row: FollowUpStepRow): Promise<void> {
		this.#prepared(
			`INSERT INTO follow_up_steps (workshop_id, card_id, status, note, updated_at) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT (workshop_id, card_id) DO UPDATE SET status = excluded.status, note = excluded.note, updated_at = excluded.updated_at`
		).run(row.workshopId, row.cardId, row.status, row.note, row.updatedAt);
	}

	async listFollowUpSteps(workshopId: string): Promise<FollowUpStepRow[]> {
		return this.#prepared(
			`SELECT workshop_id AS workshopId, card_id AS cardId, status, note, updated_at AS updatedAt
			 FROM follow_up_steps WHERE workshop_id = ? ORDER BY card_id`
		).all(workshopId) as FollowUpStepRow[];
	}

	async appendAudit(entry: AuditEntry): Promise<void> {
		this.#prepared('INSERT INTO audit_log (at, action, workshop_id, actor) VALUES (?, ?, ?, ?)').run(
			entry.at,
			entry.action,
			entry.workshopId,
			entry.actor
		);
	}

	async listAudit(): Promise<AuditEntry[]> {
		return this.#prepared('SELECT at, action, workshop_id AS workshopId, actor FROM audit_log ORDER BY seq').all() as AuditEntry[];
	}

	async appendUpdate(workshopId: string, docName: string, update: Uint8Array): Promise<number> {
		const insert = this.#prepared('INSERT INTO doc_updates (workshop_id, doc_name, data) VALUES (?, ?, ?)');
		return Number(insert.run(workshopId, docName, Buffer.from(update.buffer, update.byteOffset, update.byteLength)).lastInsertRowid);
	}

	async loadDoc(workshopId: string, docName: string): Promise<StoredDoc> {
		return this.#db.transaction((): StoredDoc => {
			const snap = this.#prepared('SELECT data, upto_seq FROM doc_snapshots WHERE workshop_id = ? AND doc_name = ?').get(
				workshopId,
				docName
			) as { data: Buffer; upto_seq: number } | undefined;
			const rows = this.#prepared('SELECT seq, data FROM doc_updates WHERE workshop_id = ? AND doc_name = ? ORDER BY seq').all(
				workshopId,
				docName
			) as { seq: number; data: Buffer }[];
			const lastSeq = rows.length > 0 ? rows[rows.length - 1]!.seq : (snap?.upto_seq ?? 0);
			return {
				snapshot: snap ? toBytes(snap.data) : null,
				updates: rows.map((r) => toBytes(r.data)),
				lastSeq
			};
		})();
	}

	async compactDoc(workshopId: string, docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
		this.#db.transaction(() => {
			this.#prepared(
				`INSERT INTO doc_snapshots (workshop_id, doc_name, data, upto_seq) VALUES (?, ?, ?, ?)
				 ON CONFLICT (workshop_id, doc_name) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`
			).run(workshopId, docName, Buffer.from(snapshot), uptoSeq);
			this.#prepared('DELETE FROM doc_updates WHERE workshop_id = ? AND doc_name = ? AND seq <= ?').run(workshopId, docName, uptoSeq);
		})();
	}

	async listDocNames(workshopId: string): Promise<string[]> {
		const rows = this.#prepared(
			`SELECT doc_name FROM doc_updates WHERE workshop_id = ?
			 UNION SELECT doc_name FROM doc_snapshots WHERE workshop_id = ? ORDER BY doc_name`
		).all(workshopId, workshopId) as { doc_name: string }[];
		return rows.map((r) => r.doc_name);
	}
}
