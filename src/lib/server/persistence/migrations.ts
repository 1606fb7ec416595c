/**
 * Ordered schema migrations, written once for both SQL dialects. A migration is never
 * edited once released: add a new version instead. Where SQLite and PostgreSQL spell a
 * type differently, a migration takes the word from `DialectWords`.
 */
export interface Migration {
	version: number;
	sql: string;
}

export type Dialect = 'sqlite' | 'postgres';

interface DialectWords {
	/** An auto-incrementing 64-bit primary key. */
	serial: string;
	bytes: string;
	bigInt: string;
}

const DIALECT_WORDS: Record<Dialect, DialectWords> = {
	sqlite: { serial: 'INTEGER PRIMARY KEY AUTOINCREMENT', bytes: 'BLOB', bigInt: 'INTEGER' },
	postgres: { serial: 'BIGSERIAL PRIMARY KEY', bytes: 'BYTEA', bigInt: 'BIGINT' }
};

/** `only`: a migration for one dialect; the other records its version and runs nothing. */
const MIGRATIONS: { version: number; only?: Dialect; sql: (words: DialectWords) => string }[] = [
	{
		version: 1,
		sql: (w) => `
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
				seq ${w.serial},
				workshop_id TEXT NOT NULL,
				doc_name TEXT NOT NULL,
				data ${w.bytes} NOT NULL
			);
			CREATE INDEX doc_updates_doc ON doc_updates (workshop_id, doc_name, seq);
			CREATE TABLE doc_snapshots (
				workshop_id TEXT NOT NULL,
				doc_name TEXT NOT NULL,
				data ${w.bytes} NOT NULL,
				upto_seq ${w.bigInt} NOT NULL,
				PRIMARY KEY (workshop_id, doc_name)
			);
		`
	},
	{
		version: 2,
		sql: (w) => `
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
				seq ${w.serial},
				at TEXT NOT NULL,
				action TEXT NOT NULL,
				workshop_id TEXT NOT NULL,
				actor TEXT NOT NULL
			);
		`
	},
	{
		// The programme view: the municipality an organiser records for a workshop, and the
		// hash of the organisers' calendar-feed token (one row; the token itself is never stored).
		version: 3,
		sql: () => `
			ALTER TABLE workshop_archive ADD COLUMN municipality TEXT;
			CREATE TABLE organiser_feed (
				id INTEGER PRIMARY KEY,
				token_hash TEXT NOT NULL,
				created_at TEXT NOT NULL
			);
		`
	},
	{
		// Co-facilitators' links: each its own secret (hash only), revocable, per workshop.
		version: 4,
		sql: () => `
			CREATE TABLE facilitator_links (
				id TEXT PRIMARY KEY,
				workshop_id TEXT NOT NULL REFERENCES workshops (id),
				label TEXT NOT NULL,
				secret_hash TEXT NOT NULL UNIQUE,
				created_at TEXT NOT NULL,
				revoked_at TEXT
			);
			CREATE INDEX facilitator_links_workshop ON facilitator_links (workshop_id);
		`
	},
	{
		// Conference groups: the municipality or organisation a participant gave at joining.
		version: 5,
		sql: () => `ALTER TABLE participants ADD COLUMN organisation TEXT;`
	},
	{
		// Organisers' templates: workshops whose setup new workshops in a municipality start from.
		version: 6,
		sql: () => `
			CREATE TABLE setup_templates (
				workshop_id TEXT PRIMARY KEY REFERENCES workshops (id),
				name TEXT NOT NULL,
				municipality TEXT,
				created_at TEXT NOT NULL
			);
		`
	},
	{
		// Organiser identities: one calendar-feed token per organiser (the passphrase is one
		// identity, each OpenID Connect user another; the old single token becomes the
		// passphrase organiser's), and server-side sessions of organisers signed in through
		// OpenID Connect (the cookie holds a random id; only its hash is stored).
		version: 7,
		sql: () => `
			CREATE TABLE organiser_feeds (
				organiser TEXT PRIMARY KEY,
				token_hash TEXT NOT NULL UNIQUE,
				created_at TEXT NOT NULL
			);
			INSERT INTO organiser_feeds (organiser, token_hash, created_at)
				SELECT 'passphrase', token_hash, created_at FROM organiser_feed;
			DROP TABLE organiser_feed;
			CREATE TABLE organiser_sessions (
				id_hash TEXT PRIMARY KEY,
				organiser TEXT NOT NULL,
				email TEXT,
				created_at TEXT NOT NULL,
				expires_at TEXT NOT NULL
			);
		`
	},
	{
		// SQLite: update numbers without AUTOINCREMENT, which wrote the sqlite_sequence page
		// into the WAL at every append (three pages a commit instead of two). The server now
		// numbers the appends itself (SqlDocumentStore), continuing after the highest number
		// any update or snapshot holds, so the numbers still only grow. The rows keep theirs.
		version: 8,
		only: 'sqlite',
		sql: () => `
			CREATE TABLE doc_updates_next (
				seq INTEGER PRIMARY KEY,
				workshop_id TEXT NOT NULL,
				doc_name TEXT NOT NULL,
				data BLOB NOT NULL
			);
			INSERT INTO doc_updates_next (seq, workshop_id, doc_name, data) SELECT seq, workshop_id, doc_name, data FROM doc_updates;
			DROP TABLE doc_updates;
			ALTER TABLE doc_updates_next RENAME TO doc_updates;
			CREATE INDEX doc_updates_doc ON doc_updates (workshop_id, doc_name, seq);
		`
	}
];

/** The migrations in one dialect's SQL; empty where a migration is for the other dialect only. */
export function migrationsFor(dialect: Dialect): Migration[] {
	return MIGRATIONS.map(({ version, only, sql }) => ({ version, sql: only && only !== dialect ? '' : sql(DIALECT_WORDS[dialect]) }));
}
