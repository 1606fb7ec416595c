import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { log } from '../log';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer';
import { bindable, type SqlDriver, type SqlParam, type SqlStatement } from './sql-driver';
import { SqlStorage } from './sql-storage';

/**
 * better-sqlite3 behind the SQL seam. Every call runs synchronously, so a statement
 * has reached the WAL when its promise resolves, and a transaction (`db.transaction`)
 * cannot interleave with anything else.
 */
class SqliteDriver implements SqlDriver {
	readonly dialect = 'sqlite' as const;
	readonly #db: Database.Database;
	/** Statements compiled once: preparing costs more than running a small one. */
	readonly #statements = new Map<string, Database.Statement>();
	readonly #checkpointer: Checkpointer | null = null;

	constructor(file: string) {
		this.#db = new Database(file);
		this.#db.pragma('journal_mode = WAL');
		this.#db.pragma('synchronous = NORMAL');
		this.#db.pragma('foreign_keys = ON');
		this.#db.pragma('busy_timeout = 5000');
		// Erased names and card texts are zeroed in the file, not just unlinked from the b-tree.
		this.#db.pragma('secure_delete = ON');
		if (!this.#db.memory) {
			this.#db.pragma('wal_autocheckpoint = 0');
			this.#checkpointer = startCheckpointer(file, (error) => log.warn('sqlite.checkpoint_failed', { error }));
		}
	}

	#prepared(sql: string): Database.Statement {
		let statement = this.#statements.get(sql);
		if (!statement) {
			statement = this.#db.prepare(sql);
			this.#statements.set(sql, statement);
		}
		return statement;
	}

	#rows(statement: SqlStatement): unknown[] {
		if (statement.script) {
			this.#db.exec(statement.sql);
			return [];
		}
		const prepared = this.#prepared(statement.sql);
		const params = (statement.params ?? []).map(bindable);
		if (prepared.reader) return prepared.all(...params);
		prepared.run(...params);
		return [];
	}

	async all<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
		return this.#prepared(sql).all(...params.map(bindable)) as T[];
	}

	async get<T>(sql: string, params: readonly SqlParam[] = []): Promise<T | undefined> {
		return this.#prepared(sql).get(...params.map(bindable)) as T | undefined;
	}

	async run(sql: string, params: readonly SqlParam[] = []): Promise<number> {
		return this.#prepared(sql).run(...params.map(bindable)).changes;
	}

	async transaction(statements: readonly SqlStatement[]): Promise<unknown[][]> {
		// A deferred transaction: its reads see one state of the file, with or without writes.
		return this.#db.transaction(() => statements.map((statement) => this.#rows(statement)))();
	}

	isDuplicateKey(error: unknown): boolean {
		const code = (error as { code?: unknown }).code;
		return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
	}

	bytewise(column: string): string {
		// SQLite compares text with BINARY unless told otherwise.
		return column;
	}

	/** After an erasure: copy the WAL (which still holds the old pages) into the file and empty it. */
	async afterErasure(): Promise<void> {
		if (this.#db.memory) return;
		this.#db.pragma('wal_checkpoint(TRUNCATE)');
	}

	async withSchemaLock<T>(work: () => Promise<T>): Promise<T> {
		// One process owns the file (DATA_DIR is not shared between instances).
		return work();
	}

	async close(): Promise<void> {
		await this.#checkpointer?.stop();
		if (!this.#db.memory) this.#db.pragma('wal_checkpoint(TRUNCATE)');
		this.#db.close();
	}
}

/**
 * Embedded store: one SQLite file in DATA_DIR, no server to run. WAL mode with
 * synchronous=NORMAL survives a killed process (the WAL is fsync'd at checkpoints
 * and the OS keeps written pages); only a power cut could lose the last commits.
 */
export class SqliteStorage extends SqlStorage {
	readonly kind = 'sqlite' as const;

	constructor(options: { dataDir: string } | { file: ':memory:' }) {
		let file: string;
		if ('dataDir' in options) {
			mkdirSync(options.dataDir, { recursive: true });
			file = join(options.dataDir, 'datadialog.sqlite');
		} else {
			file = options.file;
		}
		super(new SqliteDriver(file));
	}
}
