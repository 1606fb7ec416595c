import type { Dialect } from './migrations';

/** A value bound to a `?` placeholder. Bytes are stored as BLOB (SQLite) or BYTEA (PostgreSQL). */
export type SqlParam = string | number | null | Uint8Array;

export interface SqlStatement {
	sql: string;
	params?: readonly SqlParam[];
	/** Several statements without parameters in one text (a migration): run as a script. */
	script?: boolean;
}

/**
 * The dialect seam of the SQL stores. The repositories (workshops.ts, participants.ts,
 * archive.ts, audit.ts, documents.ts) write each statement once, with `?` placeholders and
 * quoted camelCase aliases (`secret_hash AS "secretHash"`), and run it through a driver;
 * the driver for better-sqlite3 (sqlite.ts) and the one for `pg` (postgres.ts) carry every
 * difference between the two:
 *
 * - placeholders: `?` as written for SQLite, `$1, $2 …` for PostgreSQL;
 * - duplicate keys: which error codes mean a unique or primary key was violated;
 * - transactions: synchronous `db.transaction` on SQLite, BEGIN/COMMIT on one pooled client
 *   on PostgreSQL (REPEATABLE READ for a read-only snapshot);
 * - byte-wise ordering of text (`COLLATE "C"` on PostgreSQL, SQLite's default);
 * - erasure: SQLite checkpoints its WAL so erased pages leave the files, PostgreSQL has nothing to do;
 * - the schema lock around migrations (an advisory lock on PostgreSQL).
 *
 * What both dialects spell alike needs no seam: `INSERT … ON CONFLICT (…) DO UPDATE SET
 * x = excluded.x` for upserts and `INSERT … RETURNING` for generated ids (SQLite ≥ 3.35).
 * Numbers a query counts or a BIGINT column holds come back as strings from `pg`; callers
 * read them with `Number()`. Byte columns come back as Node Buffers.
 */
export interface SqlDriver {
	readonly dialect: Dialect;
	/** Every row of a query. */
	all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
	/** The first row of a query (or of `INSERT … RETURNING`), undefined when there is none. */
	get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
	/** Runs a statement; resolves with how many rows it changed, once the change is committed. */
	run(sql: string, params?: readonly SqlParam[]): Promise<number>;
	/**
	 * Runs `statements` in order in one transaction, all or nothing, and resolves with each
	 * one's rows (empty for statements that return none). `readOnly`: the statements only
	 * read, and see one consistent state of the database (a concurrent write is seen whole or
	 * not at all).
	 */
	transaction(statements: readonly SqlStatement[], options?: { readOnly?: boolean }): Promise<unknown[][]>;
	/** Whether `error` is a violated unique or primary key. */
	isDuplicateKey(error: unknown): boolean;
	/** `column` in an ORDER BY that sorts text by its bytes, the same on both dialects whatever the locale. */
	bytewise(column: string): string;
	/** Called after a statement that erased personal data, so nothing of it stays readable on disk. */
	afterErasure(): Promise<void>;
	/** Runs `work` while no other process migrates the same database. */
	withSchemaLock<T>(work: () => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/**
 * `?` placeholders as `$1, $2 …`, for PostgreSQL. Question marks inside quoted strings
 * and identifiers are left alone.
 */
export function numberedPlaceholders(sql: string): string {
	let n = 0;
	let quote: string | null = null;
	let out = '';
	for (const char of sql) {
		if (quote) {
			if (char === quote) quote = null;
		} else if (char === "'" || char === '"') {
			quote = char;
		} else if (char === '?') {
			out += `$${++n}`;
			continue;
		}
		out += char;
	}
	return out;
}

/** A Buffer over the same memory, as both drivers want bytes; other values as they are. */
export function bindable(param: SqlParam): SqlParam | Buffer {
	return param instanceof Uint8Array && !Buffer.isBuffer(param) ? Buffer.from(param.buffer, param.byteOffset, param.byteLength) : param;
}

/** A plain Uint8Array over a driver's Buffer (callers compare and copy it as such). */
export function toBytes(buffer: Uint8Array): Uint8Array {
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
