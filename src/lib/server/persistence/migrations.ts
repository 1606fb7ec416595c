/**
 * Ordered schema migrations, one list per SQL dialect. A migration is never edited
 * once released: add a new version instead. Both lists must describe the same schema.
 */
export interface Migration {
	version: number;
	sql: string;
}

export const SQLITE_MIGRATIONS: Migration[] = [
	{
		version: 1,
		sql: `
			CREATE TABLE workshops (
				id TEXT PRIMARY KEY,
				code TEXT NOT NULL UNIQUE,
				title TEXT NOT NULL,
				secret_hash TEXT NOT NULL,
				phase TEXT NOT NULL,
				status TEXT NOT NULL,
				created_at TEXT NOT NULL
			);
			CREATE TABLE participants (
				id TEXT NOT NULL,
				workshop_id TEXT NOT NULL REFERENCES workshops (id),
				token_hash TEXT NOT NULL,
				display_name TEXT NOT NULL,
				sector TEXT NOT NULL,
				created_at TEXT NOT NULL,
				PRIMARY KEY (workshop_id, id)
			);
			CREATE TABLE doc_updates (
				seq INTEGER PRIMARY KEY AUTOINCREMENT,
				workshop_id TEXT NOT NULL,
				doc_name TEXT NOT NULL,
				data BLOB NOT NULL
			);
			CREATE INDEX doc_updates_doc ON doc_updates (workshop_id, doc_name, seq);
			CREATE TABLE doc_snapshots (
				workshop_id TEXT NOT NULL,
				doc_name TEXT NOT NULL,
				data BLOB NOT NULL,
				upto_seq INTEGER NOT NULL,
				PRIMARY KEY (workshop_id, doc_name)
			);
		`
	}
];

export const POSTGRES_MIGRATIONS: Migration[] = [
	{
		version: 1,
		sql: `
			CREATE TABLE workshops (
				id TEXT PRIMARY KEY,
				code TEXT NOT NULL UNIQUE,
				title TEXT NOT NULL,
				secret_hash TEXT NOT NULL,
				phase TEXT NOT NULL,
				status TEXT NOT NULL,
				created_at TEXT NOT NULL
			);
			CREATE TABLE participants (
				id TEXT NOT NULL,
				workshop_id TEXT NOT NULL REFERENCES workshops (id),
				token_hash TEXT NOT NULL,
				display_name TEXT NOT NULL,
				sector TEXT NOT NULL,
				created_at TEXT NOT NULL,
				PRIMARY KEY (workshop_id, id)
			);
			CREATE TABLE doc_updates (
				seq BIGSERIAL PRIMARY KEY,
				workshop_id TEXT NOT NULL,
				doc_name TEXT NOT NULL,
				data BYTEA NOT NULL
			);
			CREATE INDEX doc_updates_doc ON doc_updates (workshop_id, doc_name, seq);
			CREATE TABLE doc_snapshots (
				workshop_id TEXT NOT NULL,
				doc_name TEXT NOT NULL,
				data BYTEA NOT NULL,
				upto_seq BIGINT NOT NULL,
				PRIMARY KEY (workshop_id, doc_name)
			);
		`
	}
];
