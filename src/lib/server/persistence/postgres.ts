import pg from 'pg';
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

const WORKSHOP_COLUMNS = 'id, code, title, secret_hash AS "secretHash", phase, status, created_at AS "createdAt"';
const PARTICIPANT_COLUMNS =
	'id, workshop_id AS "workshopId", token_hash AS "tokenHash", display_name AS "displayName", sector, created_at AS "createdAt"';

const VERSION_COLUMNS = 'workshop_id AS "workshopId", version, created_at AS "createdAt"';

const toBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/** PostgreSQL store, used when DATABASE_URL is set (and for scale-out with Redis). */
export class PostgresStorage implements Storage {
	readonly kind = 'postgres' as const;
	readonly #pool: pg.Pool;

	constructor(options: { connectionString: string }) {
		this.#pool = new pg.Pool({
			connectionString: options.connectionString,
			max: 10,
			connectionTimeoutMillis: 5000
		});
		// An idle client that loses its server must not crash the process.
		this.#pool.on('error', () => {});
	}

	async migrate(): Promise<void> {
		const client = await this.#pool.connect();
		try {
			// One migrator at a time when several instances start together.
			await client.query('SELECT pg_advisory_lock(424242)');
			await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
			const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
			const done = new Set(rows.map((r) => r.version));
			for (const migration of migrationsFor('postgres')) {
				if (done.has(migration.version)) continue;
				await client.query('BEGIN');
				try {
					await client.query(migration.sql);
					await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
						migration.version,
						new Date().toISOString()
					]);
					await client.query('COMMIT');
				} catch (error) {
					await client.query('ROLLBACK');
					throw error;
				}
			}
		} finally {
			await client.query('SELECT pg_advisory_unlock(424242)').catch(() => {});
			client.release();
		}
	}

	async ping(): Promise<void> {
		await this.#pool.query('SELECT 1');
	}

	async close(): Promise<void> {
		await this.#pool.end();
	}

	async insertWorkshop(row: WorkshopRow): Promise<void> {
		try {
			await this.#pool.query(
				'INSERT INTO workshops (id, code, title, secret_hash, phase, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
				[row.id, row.code, row.title, row.secretHash, row.phase, row.status, row.createdAt]
			);
		} catch (error) {
			if ((error as { code?: string }).code === '23505') throw new DuplicateKeyError('workshop id or code');
			throw error;
		}
	}

	async findWorkshopById(id: string): Promise<WorkshopRow | null> {
		const { rows } = await this.#pool.query<WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE id = $1`, [id]);
		return rows[0] ?? null;
	}

	async findWorkshopByCode(code: string): Promise<WorkshopRow | null> {
		const { rows } = await this.#pool.query<WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE code = $1`, [code]);
		return rows[0] ?? null;
	}

	async listWorkshops(): Promise<WorkshopRow[]> {
		const { rows } = await this.#pool.query<WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops ORDER BY created_at DESC`);
		return rows;
	}

	async updateWorkshop(id: string, patch: WorkshopPatch): Promise<void> {
		await this.#pool.query(
			`UPDATE workshops SET title = COALESCE($2, title), phase = COALESCE($3, phase), status = COALESCE($4, status),
			 secret_hash = COALESCE($5, secret_hash) WHERE id = $1`,
			[id, patch.title ?? null, patch.phase ?? null, patch.status ?? null, patch.secretHash ?? null]
		);
	}

	async deleteWorkshop(id: string): Promise<void> {
		const client = await this.#pool.connect();
		try {
			await client.query('BEGIN');
			await client.query('DELETE FROM workshop_archive WHERE workshop_id = $1', [id]);
			await client.query('DELETE FROM archive_versions WHERE workshop_id = $1', [id]);
			await client.query('DELETE FROM follow_up_steps WHERE workshop_id = $1', [id]);
			await client.query('DELETE FROM doc_updates WHERE workshop_id = $1', [id]);
			await client.query('DELETE FROM doc_snapshots WHERE workshop_id = $1', [id]);
			await client.query('DELETE FROM participants WHERE workshop_id = $1', [id]);
			await client.query('DELETE FROM workshops WHERE id = $1', [id]);
			await client.query('COMMIT');
		} catch (error) {
			await client.query('ROLLBACK');
			throw error;
		} finally {
			client.release();
		}
	}

	async listWorkshopSummaries(): Promise<WorkshopSummaryRow[]> {
		const { rows } = await this.#pool.query<
			WorkshopRow &
				Omit<ArchiveDbRow, 'workshop_id'> & { a_workshop_id: string | null; participant_count: string; follow_ups_started: string }
		>(
			`SELECT w.id, w.code, w.title, w.secret_hash AS "secretHash", w.phase, w.status, w.created_at AS "createdAt",
				a.workshop_id AS a_workshop_id, a.closed_at, a.theme_id, a.follow_up_dates, a.follow_up_of, a.names_erased_at,
				(SELECT COUNT(*) FROM participants p WHERE p.workshop_id = w.id) AS participant_count,
				(SELECT COUNT(*) FROM workshop_archive f WHERE f.follow_up_of_id = w.id) AS follow_ups_started
			 FROM workshops w LEFT JOIN workshop_archive a ON a.workshop_id = w.id
			 ORDER BY w.created_at DESC`
		);
		return rows.map((r) => ({
			workshop: {
				id: r.id,
				code: r.code,
				title: r.title,
				secretHash: r.secretHash,
				phase: r.phase,
				status: r.status,
				createdAt: r.createdAt
			},
			archive: r.a_workshop_id ? toArchive({ ...r, workshop_id: r.a_workshop_id }) : null,
			participantCount: Number(r.participant_count),
			followUpsStarted: Number(r.follow_ups_started)
		}));
	}

	async insertParticipant(row: ParticipantRow): Promise<void> {
		await this.#pool.query(
			'INSERT INTO participants (id, workshop_id, token_hash, display_name, sector, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
			[row.id, row.workshopId, row.tokenHash, row.displayName, row.sector, row.createdAt]
		);
	}

	async findParticipant(workshopId: string, id: string): Promise<ParticipantRow | null> {
		const { rows } = await this.#pool.query<ParticipantRow>(
			`SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE workshop_id = $1 AND id = $2`,
			[workshopId, id]
		);
		return rows[0] ?? null;
	}

	async listParticipants(workshopId: string): Promise<ParticipantRow[]> {
		const { rows } = await this.#pool.query<ParticipantRow>(
			`SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE workshop_id = $1 ORDER BY created_at`,
			[workshopId]
		);
		return rows;
	}

	async deleteParticipant(workshopId: string, id: string): Promise<boolean> {
		const result = await this.#pool.query('DELETE FROM participants WHERE workshop_id = $1 AND id = $2', [workshopId, id]);
		return (result.rowCount ?? 0) > 0;
	}

	async eraseParticipantNames(workshopId: string): Promise<number> {
		const result = await this.#pool.query("UPDATE participants SET display_name = '' WHERE workshop_id = $1 AND display_name <> ''", [
			workshopId
		]);
		return result.rowCount ?? 0;
	}

	async findArchive(workshopId: string): Promise<ArchiveRow | null> {
		const { rows } = await this.#pool.query<ArchiveDbRow>('SELECT * FROM workshop_archive WHERE workshop_id = $1', [workshopId]);
		return rows[0] ? toArchive(rows[0]) : null;
	}

	async putArchive(row: ArchiveRow): Promise<void> {
		await this.#pool.query(
			`INSERT INTO workshop_archive (workshop_id, closed_at, theme_id, follow_up_dates, follow_up_of_id, follow_up_of, names_erased_at)
			 VALUES ($1, $2, $3, $4, $5, $6, $7)
			 ON CONFLICT (workshop_id) DO UPDATE SET closed_at = EXCLUDED.closed_at, theme_id = EXCLUDED.theme_id,
			 follow_up_dates = EXCLUDED.follow_up_dates, follow_up_of_id = EXCLUDED.follow_up_of_id,
			 follow_up_of = EXCLUDED.follow_up_of, names_erased_at = EXCLUDED.names_erased_at`,
			[
				row.workshopId,
				row.closedAt,
				row.themeId,
				JSON.stringify(row.followUpDates),
				row.followUpOf?.workshopId ?? null,
				row.followUpOf ? JSON.stringify(row.followUpOf) : null,
				row.namesErasedAt
			]
		);
	}

	async insertArchiveVersion(row: ArchiveVersionRow): Promise<void> {
		try {
			await this.#pool.query('INSERT INTO archive_versions (workshop_id, version, created_at, document) VALUES ($1, $2, $3, $4)', [
				row.workshopId,
				row.version,
				row.createdAt,
				row.document
			]);
		} catch (error) {
			if ((error as { code?: string }).code === '23505') throw new DuplicateKeyError('archive version');
			throw error;
		}
	}

	async listArchiveVersions(workshopId: string): Promise<ArchiveVersionInfo[]> {
		const { rows } = await this.#pool.query<ArchiveVersionInfo>(
			`SELECT ${VERSION_COLUMNS} FROM archive_versions WHERE workshop_id = $1 ORDER BY version`,
			[workshopId]
		);
		return rows;
	}

	async findArchiveVersion(workshopId: string, version?: number): Promise<ArchiveVersionRow | null> {
		const { rows } =
			version === undefined
				? await this.#pool.query<ArchiveVersionRow>(
						`SELECT ${VERSION_COLUMNS}, document FROM archive_versions WHERE workshop_id = $1 ORDER BY version DESC LIMIT 1`,
						[workshopId]
					)
				: await this.#pool.query<ArchiveVersionRow>(
						`SELECT ${VERSION_COLUMNS}, document FROM archive_versions WHERE workshop_id = $1 AND version = $2`,
						[workshopId, version]
					);
		return rows[0] ?? null;
	}

	async putFollowUpStep(row: FollowUpStepRow): Promise<void> {
		await this.#pool.query(
			`INSERT INTO follow_up_steps (workshop_id, card_id, status, note, updated_at) VALUES ($1, $2, $3, $4, $5)
			 ON CONFLICT (workshop_id, card_id) DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at`,
			[row.workshopId, row.cardId, row.status, row.note, row.updatedAt]
		);
	}

	async listFollowUpSteps(workshopId: string): Promise<FollowUpStepRow[]> {
		const { rows } = await this.#pool.query<FollowUpStepRow>(
			`SELECT workshop_id AS "workshopId", card_id AS "cardId", status, note, updated_at AS "updatedAt"
			 FROM follow_up_steps WHERE workshop_id = $1 ORDER BY card_id COLLATE "C"`,
			[workshopId]
		);
		return rows;
	}

	async appendAudit(entry: AuditEntry): Promise<void> {
		await this.#pool.query('INSERT INTO audit_log (at, action, workshop_id, actor) VALUES ($1, $2, $3, $4)', [
			entry.at,
			entry.action,
			entry.workshopId,
			entry.actor
		]);
	}

	async listAudit(): Promise<AuditEntry[]> {
		const { rows } = await this.#pool.query<AuditEntry>(
			'SELECT at, action, workshop_id AS "workshopId", actor FROM audit_log ORDER BY seq'
		);
		return rows;
	}

	async appendUpdate(workshopId: string, docName: string, update: Uint8Array): Promise<number> {
		const { rows } = await this.#pool.query<{ seq: string }>(
			'INSERT INTO doc_updates (workshop_id, doc_name, data) VALUES ($1, $2, $3) RETURNING seq',
			[workshopId, docName, Buffer.from(update.buffer, update.byteOffset, update.byteLength)]
		);
		return Number(rows[0]!.seq);
	}

	async loadDoc(workshopId: string, docName: string): Promise<StoredDoc> {
		const client = await this.#pool.connect();
		try {
			// One snapshot of the database so a concurrent compaction cannot be seen half-done.
			await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
			const snap = await client.query<{ data: Buffer; upto_seq: string }>(
				'SELECT data, upto_seq FROM doc_snapshots WHERE workshop_id = $1 AND doc_name = $2',
				[workshopId, docName]
			);
			const updates = await client.query<{ seq: string; data: Buffer }>(
				'SELECT seq, data FROM doc_updates WHERE workshop_id = $1 AND doc_name = $2 ORDER BY seq',
				[workshopId, docName]
			);
			await client.query('COMMIT');
			const snapshotRow = snap.rows[0];
			const last = updates.rows[updates.rows.length - 1];
			return {
				snapshot: snapshotRow ? toBytes(snapshotRow.data) : null,
				updates: updates.rows.map((r) => toBytes(r.data)),
				lastSeq: last ? Number(last.seq) : snapshotRow ? Number(snapshotRow.upto_seq) : 0
			};
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			throw error;
		} finally {
			client.release();
		}
	}

	async compactDoc(workshopId: string, docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
		const client = await this.#pool.connect();
		try {
			await client.query('BEGIN');
			await client.query(
				`INSERT INTO doc_snapshots (workshop_id, doc_name, data, upto_seq) VALUES ($1, $2, $3, $4)
				 ON CONFLICT (workshop_id, doc_name) DO UPDATE SET data = EXCLUDED.data, upto_seq = EXCLUDED.upto_seq`,
				[workshopId, docName, Buffer.from(snapshot), uptoSeq]
			);
			await client.query('DELETE FROM doc_updates WHERE workshop_id = $1 AND doc_name = $2 AND seq <= $3', [workshopId, docName, uptoSeq]);
			await client.query('COMMIT');
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			throw error;
		} finally {
			client.release();
		}
	}

	async listDocNames(workshopId: string): Promise<string[]> {
		const { rows } = await this.#pool.query<{ doc_name: string }>(
			`SELECT doc_name FROM doc_updates WHERE workshop_id = $1
			 UNION SELECT doc_name FROM doc_snapshots WHERE workshop_id = $1 ORDER BY doc_name`,
			[workshopId]
		);
		return rows.map((r) => r.doc_name);
	}
}
