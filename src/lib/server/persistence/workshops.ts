import { toArchive, type ArchiveDbRow, type ArchiveRow } from './archive';
import type { SqlDriver, SqlStatement } from './sql-driver';
import { DuplicateKeyError } from './storage';

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

export type WorkshopPatch = Partial<Pick<WorkshopRow, 'title' | 'phase' | 'status' | 'secretHash'>>;

/** A workshop as the organiser's archive lists it. */
export interface WorkshopSummaryRow {
	workshop: WorkshopRow;
	archive: ArchiveRow | null;
	participantCount: number;
	/** Follow-up workshops started from this one. */
	followUpsStarted: number;
}

/** The workshops themselves: title, join code, secret hash, phase and open/closed. */
export interface WorkshopRepository {
	/** Rejects with DuplicateKeyError when id or code is taken. */
	insert(row: WorkshopRow): Promise<void>;
	findById(id: string): Promise<WorkshopRow | null>;
	findByCode(code: string): Promise<WorkshopRow | null>;
	/** Newest first. */
	list(): Promise<WorkshopRow[]>;
	/** Changes only the fields given; nothing for an unknown id. */
	update(id: string, patch: WorkshopPatch): Promise<void>;
	/**
	 * Removes the workshop with everything kept for it: participants, documents, archive
	 * record, versions and follow-up steps, all at once (the audit log stays).
	 */
	delete(id: string): Promise<void>;
	/** Every workshop with its archive record and counts, newest first. */
	listSummaries(): Promise<WorkshopSummaryRow[]>;
}

/** A repository whose rows belong to a workshop and go when it is deleted. */
export interface WorkshopDependent {
	/** The statements that remove the workshop's rows, run in the deleting transaction. */
	removal(workshopId: string): SqlStatement[];
}

const COLUMNS = 'id, code, title, secret_hash AS "secretHash", phase, status, created_at AS "createdAt"';

type SummaryDbRow = WorkshopRow &
	Omit<ArchiveDbRow, 'workshop_id'> & {
		a_workshop_id: string | null;
		participant_count: number | string;
		follow_ups_started: number | string;
	};

export class SqlWorkshopRepository implements WorkshopRepository {
	readonly #db: SqlDriver;
	readonly #dependents: readonly WorkshopDependent[];

	/** `dependents`: the repositories whose rows `delete` removes first. */
	constructor(db: SqlDriver, dependents: readonly WorkshopDependent[]) {
		this.#db = db;
		this.#dependents = dependents;
	}

	async insert(row: WorkshopRow): Promise<void> {
		try {
			await this.#db.run('INSERT INTO workshops (id, code, title, secret_hash, phase, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
				row.id,
				row.code,
				row.title,
				row.secretHash,
				row.phase,
				row.status,
				row.createdAt
			]);
		} catch (error) {
			if (this.#db.isDuplicateKey(error)) throw new DuplicateKeyError('workshop id or code');
			throw error;
		}
	}

	async findById(id: string): Promise<WorkshopRow | null> {
		return (await this.#db.get<WorkshopRow>(`SELECT ${COLUMNS} FROM workshops WHERE id = ?`, [id])) ?? null;
	}

	async findByCode(code: string): Promise<WorkshopRow | null> {
		return (await this.#db.get<WorkshopRow>(`SELECT ${COLUMNS} FROM workshops WHERE code = ?`, [code])) ?? null;
	}

	list(): Promise<WorkshopRow[]> {
		return this.#db.all<WorkshopRow>(`SELECT ${COLUMNS} FROM workshops ORDER BY created_at DESC`);
	}

	async update(id: string, patch: WorkshopPatch): Promise<void> {
		await this.#db.run(
			`UPDATE workshops SET title = COALESCE(?, title), phase = COALESCE(?, phase), status = COALESCE(?, status),
			 secret_hash = COALESCE(?, secret_hash) WHERE id = ?`,
			[patch.title ?? null, patch.phase ?? null, patch.status ?? null, patch.secretHash ?? null, id]
		);
	}

	async delete(id: string): Promise<void> {
		await this.#db.transaction([
			...this.#dependents.flatMap((dependent) => dependent.removal(id)),
			{ sql: 'DELETE FROM workshops WHERE id = ?', params: [id] }
		]);
		await this.#db.afterErasure();
	}

	async listSummaries(): Promise<WorkshopSummaryRow[]> {
		const rows = await this.#db.all<SummaryDbRow>(
			`SELECT w.id, w.code, w.title, w.secret_hash AS "secretHash", w.phase, w.status, w.created_at AS "createdAt",
				a.workshop_id AS a_workshop_id, a.closed_at, a.theme_id, a.follow_up_dates, a.follow_up_of, a.names_erased_at, a.municipality,
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
}
