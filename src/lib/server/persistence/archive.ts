import type { BaselineReading, FollowUpStatus } from '$lib/domain/archive/schema';
import type { SqlDriver, SqlStatement } from './sql-driver';
import { DuplicateKeyError } from './storage';
import type { WorkshopDependent } from './workshops';

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
	/**
	 * The municipality the workshop was held in (kommunbesök), set by an organiser for
	 * the programme view. Kept here rather than in the preparation: it is the
	 * organiser's bookkeeping, not part of the method the room sees.
	 */
	municipality: string | null;
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

/** The archive beside each workshop: its record, its frozen versions and its follow-up steps. */
export interface ArchiveRepository {
	find(workshopId: string): Promise<ArchiveRow | null>;
	/** Inserts or replaces the workshop's archive record. */
	put(row: ArchiveRow): Promise<void>;
	/** Rejects with DuplicateKeyError when the workshop already has this version. */
	insertVersion(row: ArchiveVersionRow): Promise<void>;
	/** Oldest first. */
	listVersions(workshopId: string): Promise<ArchiveVersionInfo[]>;
	/** The given version, or the latest when `version` is omitted. */
	findVersion(workshopId: string, version?: number): Promise<ArchiveVersionRow | null>;
	/** Inserts or replaces the status of one carried-over next step. */
	putFollowUpStep(row: FollowUpStepRow): Promise<void>;
	/** By card id, compared byte by byte. */
	listFollowUpSteps(workshopId: string): Promise<FollowUpStepRow[]>;
}

/** `workshop_archive` as the SQL stores return it; lists and objects are stored as JSON text. */
export interface ArchiveDbRow {
	workshop_id: string;
	closed_at: string | null;
	theme_id: string | null;
	follow_up_dates: string;
	follow_up_of: string | null;
	names_erased_at: string | null;
	municipality: string | null;
}

export function toArchive(r: ArchiveDbRow): ArchiveRow {
	return {
		workshopId: r.workshop_id,
		closedAt: r.closed_at,
		themeId: r.theme_id,
		followUpDates: JSON.parse(r.follow_up_dates) as string[],
		followUpOf: r.follow_up_of ? (JSON.parse(r.follow_up_of) as FollowUpOriginRow) : null,
		namesErasedAt: r.names_erased_at,
		municipality: r.municipality
	};
}

const VERSION_COLUMNS = 'workshop_id AS "workshopId", version, created_at AS "createdAt"';

export class SqlArchiveRepository implements ArchiveRepository, WorkshopDependent {
	readonly #db: SqlDriver;

	constructor(db: SqlDriver) {
		this.#db = db;
	}

	async find(workshopId: string): Promise<ArchiveRow | null> {
		const row = await this.#db.get<ArchiveDbRow>(
			'SELECT workshop_id, closed_at, theme_id, follow_up_dates, follow_up_of, names_erased_at, municipality FROM workshop_archive WHERE workshop_id = ?',
			[workshopId]
		);
		return row ? toArchive(row) : null;
	}

	async put(row: ArchiveRow): Promise<void> {
		await this.#db.run(
			`INSERT INTO workshop_archive (workshop_id, closed_at, theme_id, follow_up_dates, follow_up_of_id, follow_up_of, names_erased_at, municipality)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (workshop_id) DO UPDATE SET closed_at = excluded.closed_at, theme_id = excluded.theme_id,
			 follow_up_dates = excluded.follow_up_dates, follow_up_of_id = excluded.follow_up_of_id,
			 follow_up_of = excluded.follow_up_of, names_erased_at = excluded.names_erased_at, municipality = excluded.municipality`,
			[
				row.workshopId,
				row.closedAt,
				row.themeId,
				JSON.stringify(row.followUpDates),
				row.followUpOf?.workshopId ?? null,
				row.followUpOf ? JSON.stringify(row.followUpOf) : null,
				row.namesErasedAt,
				row.municipality
			]
		);
	}

	async insertVersion(row: ArchiveVersionRow): Promise<void> {
		try {
			await this.#db.run('INSERT INTO archive_versions (workshop_id, version, created_at, document) VALUES (?, ?, ?, ?)', [
				row.workshopId,
				row.version,
				row.createdAt,
				row.document
			]);
		} catch (error) {
			if (this.#db.isDuplicateKey(error)) throw new DuplicateKeyError('archive version');
			throw error;
		}
	}

	listVersions(workshopId: string): Promise<ArchiveVersionInfo[]> {
		return this.#db.all<ArchiveVersionInfo>(`SELECT ${VERSION_COLUMNS} FROM archive_versions WHERE workshop_id = ? ORDER BY version`, [
			workshopId
		]);
	}

	async findVersion(workshopId: string, version?: number): Promise<ArchiveVersionRow | null> {
		const row =
			version === undefined
				? await this.#db.get<ArchiveVersionRow>(
						`SELECT ${VERSION_COLUMNS}, document FROM archive_versions WHERE workshop_id = ? ORDER BY version DESC LIMIT 1`,
						[workshopId]
					)
				: await this.#db.get<ArchiveVersionRow>(
						`SELECT ${VERSION_COLUMNS}, document FROM archive_versions WHERE workshop_id = ? AND version = ?`,
						[workshopId, version]
					);
		return row ?? null;
	}

	async putFollowUpStep(row: FollowUpStepRow): Promise<void> {
		await this.#db.run(
			`INSERT INTO follow_up_steps (workshop_id, card_id, status, note, updated_at) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT (workshop_id, card_id) DO UPDATE SET status = excluded.status, note = excluded.note, updated_at = excluded.updated_at`,
			[row.workshopId, row.cardId, row.status, row.note, row.updatedAt]
		);
	}

	listFollowUpSteps(workshopId: string): Promise<FollowUpStepRow[]> {
		return this.#db.all<FollowUpStepRow>(
			`SELECT workshop_id AS "workshopId", card_id AS "cardId", status, note, updated_at AS "updatedAt"
			 FROM follow_up_steps WHERE workshop_id = ? ORDER BY ${this.#db.bytewise('card_id')}`,
			[workshopId]
		);
	}

	removal(workshopId: string): SqlStatement[] {
		return ['workshop_archive', 'archive_versions', 'follow_up_steps'].map((table) => ({
			sql: `DELETE FROM ${table} WHERE workshop_id = ?`,
			params: [workshopId]
		}));
	}
}
