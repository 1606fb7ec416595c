import pg from 'pg';
import { bindable, numberedPlaceholders, type SqlDriver, type SqlParam, type SqlStatement } from './sql-driver';
import { SqlStorage } from './sql-storage';

/** Any number, as long as every instance migrating the same database uses it. */
const SCHEMA_LOCK = 424242;

/** `pg` behind the SQL seam: a pool of connections, `$n` placeholders, transactions on one client. */
class PostgresDriver implements SqlDriver {
	readonly dialect = 'postgres' as const;
	readonly #pool: pg.Pool;
	/** Statements as written (`?`) → as PostgreSQL reads them (`$n`). */
	readonly #texts = new Map<string, string>();

	constructor(connectionString: string) {
		this.#pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000 });
		// An idle client that loses its server must not crash the process.
		this.#pool.on('error', () => {});
	}

	#text(sql: string): string {
		let text = this.#texts.get(sql);
		if (text === undefined) {
			text = numberedPlaceholders(sql);
			this.#texts.set(sql, text);
		}
		return text;
	}

	#query<T extends pg.QueryResultRow>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly SqlParam[] = []) {
		return client.query<T>(this.#text(sql), params.map(bindable));
	}

	async all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
		return (await this.#query(this.#pool, sql, params)).rows as T[];
	}

	async get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
		return (await this.#query(this.#pool, sql, params)).rows[0] as T | undefined;
	}

	async run(sql: string, params?: readonly SqlParam[]): Promise<number> {
		return (await this.#query(this.#pool, sql, params)).rowCount ?? 0;
	}

	async transaction(statements: readonly SqlStatement[], options: { readOnly?: boolean } = {}): Promise<unknown[][]> {
		const client = await this.#pool.connect();
		try {
			// Read-only: one snapshot of the database, so a concurrent compaction cannot be seen half-done.
			await client.query(options.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
			const results: unknown[][] = [];
			for (const statement of statements) {
				// A script goes as one simple query, which may hold several statements.
				results.push(
					statement.script ? (await client.query(statement.sql), []) : (await this.#query(client, statement.sql, statement.params)).rows
				);
			}
			await client.query('COMMIT');
			return results;
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			throw error;
		} finally {
			client.release();
		}
	}

	isDuplicateKey(error: unknown): boolean {
		return (error as { code?: unknown }).code === '23505';
	}

	bytewise(column: string): string {
		return `${column} COLLATE "C"`;
	}

	async afterErasure(): Promise<void> {
		// Deleted rows are vacuumed by PostgreSQL itself; the server's files are its operator's to protect.
	}

	async withSchemaLock<T>(work: () => Promise<T>): Promise<T> {
		const client = await this.#pool.connect();
		try {
			// One migrator at a time when several instances start together.
			await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
			return await work();
		} finally {
			await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => {});
			client.release();
		}
	}

	async close(): Promise<void> {
		await this.#pool.end();
	}
}

/** PostgreSQL store, used when DATABASE_URL is set (and for scale-out with Redis). */
export class PostgresStorage extends SqlStorage {
	readonly kind = 'postgres' as const;

	constructor(options: { connectionString: string }) {
		super(new PostgresDriver(options.connectionString));
	}
}
