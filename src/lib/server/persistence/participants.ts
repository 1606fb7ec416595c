import type { SqlDriver, SqlStatement } from './sql-driver';
import type { WorkshopDependent } from './workshops';

export interface ParticipantRow {
	id: string;
	workshopId: string;
	/** SHA-256 of the participant's session token. */
	tokenHash: string;
	displayName: string;
	sector: string;
	/** The municipality or organisation given at joining, when the facilitator asked for it (conference groups). */
	organisation: string | null;
	createdAt: string;
}

/** The people who joined a workshop: a session-token hash, a display name and a sector each. */
export interface ParticipantRepository {
	insert(row: ParticipantRow): Promise<void>;
	find(workshopId: string, id: string): Promise<ParticipantRow | null>;
	/** In the order they joined. */
	list(workshopId: string): Promise<ParticipantRow[]>;
	/** How many have joined (the cap is checked at every join, so this reads no rows). */
	count(workshopId: string): Promise<number>;
	/** Removes one participant (their session stops working, they leave the cap); false when there was none. */
	delete(workshopId: string, id: string): Promise<boolean>;
	/** Blanks every participant's display name in the workshop (sectors stay); resolves with how many had one. */
	eraseNames(workshopId: string): Promise<number>;
}

const COLUMNS =
	'id, workshop_id AS "workshopId", token_hash AS "tokenHash", display_name AS "displayName", sector, organisation, created_at AS "createdAt"';

export class SqlParticipantRepository implements ParticipantRepository, WorkshopDependent {
	readonly #db: SqlDriver;

	constructor(db: SqlDriver) {
		this.#db = db;
	}

	async insert(row: ParticipantRow): Promise<void> {
		await this.#db.run(
			'INSERT INTO participants (id, workshop_id, token_hash, display_name, sector, organisation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
			[row.id, row.workshopId, row.tokenHash, row.displayName, row.sector, row.organisation, row.createdAt]
		);
	}

	async find(workshopId: string, id: string): Promise<ParticipantRow | null> {
		return (
			(await this.#db.get<ParticipantRow>(`SELECT ${COLUMNS} FROM participants WHERE workshop_id = ? AND id = ?`, [workshopId, id])) ?? null
		);
	}

	list(workshopId: string): Promise<ParticipantRow[]> {
		return this.#db.all<ParticipantRow>(`SELECT ${COLUMNS} FROM participants WHERE workshop_id = ? ORDER BY created_at`, [workshopId]);
	}

	async count(workshopId: string): Promise<number> {
		const row = await this.#db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM participants WHERE workshop_id = ?', [workshopId]);
		return Number(row?.n ?? 0);
	}

	async delete(workshopId: string, id: string): Promise<boolean> {
		const deleted = (await this.#db.run('DELETE FROM participants WHERE workshop_id = ? AND id = ?', [workshopId, id])) > 0;
		await this.#db.afterErasure();
		return deleted;
	}

	async eraseNames(workshopId: string): Promise<number> {
		const erased = await this.#db.run("UPDATE participants SET display_name = '' WHERE workshop_id = ? AND display_name <> ''", [
			workshopId
		]);
		await this.#db.afterErasure();
		return erased;
	}

	removal(workshopId: string): SqlStatement[] {
		return [{ sql: 'DELETE FROM participants WHERE workshop_id = ?', params: [workshopId] }];
	}
}
