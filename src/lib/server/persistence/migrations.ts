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
	},
	{
		version: 2,
		sql: `
			CREATE TABLE workshop_archive (
				workshop_id TEXT PRIMARY KEY REFERENCES workshops (id),
				closed_at TEXT,
				theme_id TEXT,
				follow_up_dates TEXT NOT NULL,
				follow_up_of_id TEXT,
				follow_up_of TEXT,
				names_erased_at TEXT
			);
			CREATE INDEX workshop_archive_follow_up_of ON workshop_archive (follow_up_of_id);
			CREATE TABLE archive_versions (
				workshop_id TEXT NOT NULL REFERENCES workshops (id),
				version INTEGER NOT NULL,
				created_at TEXT NOT NULL,
				document TEXT NOT NULL,
				PRIMARY KEY (workshop_id, version)
			);
			CREATE TABLE follow_up_steps (
				workshop_id TEXT NOT NULL REFERENCES workshops (id),
				card_id TEXT NOT NULL,
				status TEXT NOT NULL,
				note TEXT NOT NULL,
				updated_at TEXT NOT NULL,
				PRIMARY KEY (workshop_id, card_id)
			);
			CREATE TABLE audit_log (
				seq INTEGER PRIMARY KEY AUTOINCREMENT,
				at TEXT NOT NULL,
				action TEXT NOT NULL,
				workshop_id TEXT NOT NULL,
				actor TEXT NOT NULL
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
	},
	{
		version: 2,
		sql: `
			CREATE TABLE workshop_archive (
				workshop_id TEXT PRIMARY KEY REFERENCES workshops (id),
				closed_at TEXT,
				theme_id TEXT,
				follow_up_dates TEXT NOT NULL,
				follow_up_of_id TEXT,
				follow_up_of TEXT,
				names_erased_at TEXT
			);
			CREATE INDEX workshop_archive_follow_up_of ON workshop_archive (follow_up_of_id);
			CREATE TABLE archive_versions (
				workshop_id TEXT NOT NULL REFERENCES workshops (id),
				version INTEGER NOT NULL,
				created_at TEXT NOT NULL,
				document TEXT NOT NULL,
				PRIMARY KEY (workshop_id, version)
			);
			CREATE TABLE follow_up_steps (
				workshop_id TEXT NOT NULL REFERENCES workshops (id),
				card_id TEXT NOT NULL,
				status TEXT NOT NULL,
				note TEXT NOT NULL,
				updated_at TEXT NOT NULL,
				PRIMARY KEY (workshop_id, card_id)
			);
			CREATE TABLE audit_log (
				seq BIGSERIAL PRIMARY KEY,
				at TEXT NOT NULL,
				action TEXT NOT NULL,
				workshop_id TEXT NOT NULL,
				actor TEXT NOT NULL
			);
		`
	}
];
