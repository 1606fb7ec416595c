import type { SqlDriver } from './sql-driver';

/** An organiser's calendar-feed token as stored: only its SHA-256, never the token. */
export interface FeedTokenRow {
	/** The organiser identity (`passphrase`, or `oidc:<sub>`). */
	organiser: string;
	tokenHash: string;
	createdAt: string;
}

/**
 * The secrets of the organisers' follow-up calendar feed (`/api/programme/follow-ups.ics`):
 * one per organiser identity, so rotating one organiser's token (which makes that
 * organiser's old subscription URL stop working at once) leaves a colleague's alone.
 */
export interface FeedTokenRepository {
	findFor(organiser: string): Promise<FeedTokenRow | null>;
	findByHash(tokenHash: string): Promise<FeedTokenRow | null>;
	/** Inserts or replaces the organiser's token hash. */
	put(row: FeedTokenRow): Promise<void>;
}

export class SqlFeedTokenRepository implements FeedTokenRepository {
	readonly #db: SqlDriver;

	constructor(db: SqlDriver) {
		this.#db = db;
	}

	async findFor(organiser: string): Promise<FeedTokenRow | null> {
		const row = await this.#db.get<FeedTokenRow>(
			'SELECT organiser, token_hash AS "tokenHash", created_at AS "createdAt" FROM organiser_feeds WHERE organiser = ?',
			[organiser]
		);
		return row ?? null;
	}

	async findByHash(tokenHash: string): Promise<FeedTokenRow | null> {
		const row = await this.#db.get<FeedTokenRow>(
			'SELECT organiser, token_hash AS "tokenHash", created_at AS "createdAt" FROM organiser_feeds WHERE token_hash = ?',
			[tokenHash]
		);
		return row ?? null;
	}

	async put(row: FeedTokenRow): Promise<void> {
		await this.#db.run(
			`INSERT INTO organiser_feeds (organiser, token_hash, created_at) VALUES (?, ?, ?)
			 ON CONFLICT (organiser) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
			[row.organiser, row.tokenHash, row.createdAt]
		);
	}
}
