import type { SqlDriver } from './sql-driver';

/** The organisers' calendar-feed token as stored: only its SHA-256, never the token. */
export interface FeedTokenRow {
	tokenHash: string;
	createdAt: string;
}

/**
 * The secret of the organisers' follow-up calendar feed (`/api/programme/follow-ups.ics`).
 * Organisers share one passphrase and so one identity: there is one token, and
 * rotating it replaces it, so the old subscription URL stops working at once.
 */
export interface FeedTokenRepository {
	find(): Promise<FeedTokenRow | null>;
	/** Inserts or replaces the one token hash. */
	put(row: FeedTokenRow): Promise<void>;
}

export class SqlFeedTokenRepository implements FeedTokenRepository {
	readonly #db: SqlDriver;

	constructor(db: SqlDriver) {
		this.#db = db;
	}

	async find(): Promise<FeedTokenRow | null> {
		const row = await this.#db.get<FeedTokenRow>(
			'SELECT token_hash AS "tokenHash", created_at AS "createdAt" FROM organiser_feed WHERE id = 1'
		);
		return row ?? null;
	}

	async put(row: FeedTokenRow): Promise<void> {
		await this.#db.run(
			`INSERT INTO organiser_feed (id, token_hash, created_at) VALUES (1, ?, ?)
			 ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
			[row.tokenHash, row.createdAt]
		);
	}
}
