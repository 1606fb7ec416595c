import type { SqlDriver, SqlStatement } from './sql-driver';
import type { WorkshopDependent } from './workshops';

/**
 * A facilitator link of its own for a co-facilitator or a second device: its secret
 * opens the workshop as facilitator until it is revoked. Only the secret's SHA-256 is
 * stored; the workshop's own facilitator secret is not one of these and cannot be revoked.
 */
export interface FacilitatorLinkRow {
	id: string;
	workshopId: string;
	/** Whom the link was made for ("Anna, fältgruppen", "Organisatör"), shown in the list. */
	label: string;
	secretHash: string;
	createdAt: string;
	revokedAt: string | null;
}

export interface FacilitatorLinkRepository {
	insert(row: FacilitatorLinkRow): Promise<void>;
	/** Every link of a workshop, revoked ones included, oldest first. */
	list(workshopId: string): Promise<FacilitatorLinkRow[]>;
	/** The link with this secret hash if it belongs to the workshop and is not revoked. */
	findActive(workshopId: string, secretHash: string): Promise<FacilitatorLinkRow | null>;
	/** Revokes an active link; false when the workshop has no such active link. */
	revoke(workshopId: string, id: string, at: string): Promise<boolean>;
}

const COLUMNS = 'id, workshop_id AS "workshopId", label, secret_hash AS "secretHash", created_at AS "createdAt", revoked_at AS "revokedAt"';

export class SqlFacilitatorLinkRepository implements FacilitatorLinkRepository, WorkshopDependent {
	readonly #db: SqlDriver;

	constructor(db: SqlDriver) {
		this.#db = db;
	}

	async insert(row: FacilitatorLinkRow): Promise<void> {
		await this.#db.run(
			'INSERT INTO facilitator_links (id, workshop_id, label, secret_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)',
			[row.id, row.workshopId, row.label, row.secretHash, row.createdAt, row.revokedAt]
		);
	}

	list(workshopId: string): Promise<FacilitatorLinkRow[]> {
		return this.#db.all<FacilitatorLinkRow>(`SELECT ${COLUMNS} FROM facilitator_links WHERE workshop_id = ? ORDER BY created_at, id`, [
			workshopId
		]);
	}

	async findActive(workshopId: string, secretHash: string): Promise<FacilitatorLinkRow | null> {
		const row = await this.#db.get<FacilitatorLinkRow>(
			`SELECT ${COLUMNS} FROM facilitator_links WHERE workshop_id = ? AND secret_hash = ? AND revoked_at IS NULL`,
			[workshopId, secretHash]
		);
		return row ?? null;
	}

	async revoke(workshopId: string, id: string, at: string): Promise<boolean> {
		const changed = await this.#db.run(
			'UPDATE facilitator_links SET revoked_at = ? WHERE workshop_id = ? AND id = ? AND revoked_at IS NULL',
			[at, workshopId, id]
		);
		return changed > 0;
	}

	removal(workshopId: string): SqlStatement[] {
		return [{ sql: 'DELETE FROM facilitator_links WHERE workshop_id = ?', params: [workshopId] }];
	}
}
