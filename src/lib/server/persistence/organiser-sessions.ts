import type { SqlDriver } from './sql-driver';

/** A session of an organiser signed in through OpenID Connect, as stored. */
export interface OrganiserSessionRow {
	/** SHA-256 of the random session id in the cookie. */
	idHash: string;
	/** The organiser identity, `oidc:<sub>`. */
	organiser: string;
	email: string | null;
	createdAt: string;
	expiresAt: string;
}

/**
 * Server-side organiser sessions: signing out deletes the row, so a copied cookie is
 * worthless afterwards (a client-side token would stay valid until it expired).
 */
export interface OrganiserSessionRepository {
	insert(row: OrganiserSessionRow): Promise<void>;
	/** The session, if it exists and has not expired at `now`. */
	findLive(idHash: string, now: Date): Promise<OrganiserSessionRow | null>;
	remove(idHash: string): Promise<void>;
}

export class SqlOrganiserSessionRepository implements OrganiserSessionRepository {
	readonly #db: SqlDriver;

	constructor(db: SqlDriver) {
		this.#db = db;
	}

	async insert(row: OrganiserSessionRow): Promise<void> {
		await this.#db.run('INSERT INTO organiser_sessions (id_hash, organiser, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
			row.idHash,
			row.organiser,
			row.email,
			row.createdAt,
			row.expiresAt
		]);
	}

	async findLive(idHash: string, now: Date): Promise<OrganiserSessionRow | null> {
		const row = await this.#db.get<OrganiserSessionRow>(
			`SELECT id_hash AS "idHash", organiser, email, created_at AS "createdAt", expires_at AS "expiresAt"
			 FROM organiser_sessions WHERE id_hash = ? AND expires_at > ?`,
			[idHash, now.toISOString()]
		);
		return row ?? null;
	}

	async remove(idHash: string): Promise<void> {
		await this.#db.run('DELETE FROM organiser_sessions WHERE id_hash = ?', [idHash]);
	}
}
