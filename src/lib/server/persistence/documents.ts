import { toBytes, type SqlDriver, type SqlStatement } from './sql-driver';
import type { WorkshopDependent } from './workshops';

export interface StoredDoc {
	snapshot: Uint8Array | null;
	updates: Uint8Array[];
	/** Sequence number of the last update in `updates` (or of the snapshot). */
	lastSeq: number;
}

/**
 * The Yjs documents of the workshops, as an append-only log of updates per document
 * plus an occasional snapshot (hocuspocus' fetch/store idea, split so each update is
 * durable on its own). Documents are named within their workshop (`control`,
 * `canvas:plenary`, `map:<id>` …).
 */
export interface DocumentStore {
	/**
	 * Durably appends one update; resolves with its sequence number once it is on disk.
	 * Sequence numbers grow across the whole store, so a later append has a higher one,
	 * and updates sent at the same moment each get their own.
	 */
	appendUpdate(workshopId: string, docName: string, update: Uint8Array): Promise<number>;
	/** The snapshot and the updates after it, in the order they were appended, read as one consistent state. */
	loadDoc(workshopId: string, docName: string): Promise<StoredDoc>;
	/** Replaces every update up to and including `uptoSeq` by `snapshot`, at once. */
	compactDoc(workshopId: string, docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
	/** The names of the workshop's stored documents, sorted. */
	listDocNames(workshopId: string): Promise<string[]>;
	/** Removes every document of the workshop, updates and snapshots. */
	deleteWorkshopDocs(workshopId: string): Promise<void>;
}

export class SqlDocumentStore implements DocumentStore, WorkshopDependent {
	readonly #db: SqlDriver;
	/** SQLite: the last number handed out, read once from the file (see `#nextSqliteSeq`). */
	#lastSqliteSeq: number | undefined;

	constructor(db: SqlDriver) {
		this.#db = db;
	}

	async appendUpdate(workshopId: string, docName: string, update: Uint8Array): Promise<number> {
		if (this.#db.dialect === 'postgres') {
			// Instances behind Redis share the database: it numbers the appends.
			const row = await this.#db.get<{ seq: number | string }>(
				'INSERT INTO doc_updates (workshop_id, doc_name, data) VALUES (?, ?, ?) RETURNING seq',
				[workshopId, docName, update]
			);
			return Number(row!.seq);
		}
		const seq = await this.#nextSqliteSeq();
		await this.#db.run('INSERT INTO doc_updates (seq, workshop_id, doc_name, data) VALUES (?, ?, ?, ?)', [
			seq,
			workshopId,
			docName,
			update
		]);
		return seq;
	}

	/**
	 * One process owns the SQLite file, so it numbers the appends itself: after the highest
	 * number any stored update or snapshot holds, then one up per append. SQLite's
	 * AUTOINCREMENT would do the same at the cost of one more page written per commit.
	 */
	async #nextSqliteSeq(): Promise<number> {
		if (this.#lastSqliteSeq === undefined) {
			const row = await this.#db.get<{ last: number | null }>(
				`SELECT MAX(last) AS last FROM (SELECT MAX(seq) AS last FROM doc_updates UNION ALL SELECT MAX(upto_seq) FROM doc_snapshots)`
			);
			// Appends that started together all read the same highest number; the first to get here sets it.
			this.#lastSqliteSeq ??= Number(row?.last ?? 0);
		}
		return ++this.#lastSqliteSeq;
	}

	async loadDoc(workshopId: string, docName: string): Promise<StoredDoc> {
		const [snapshots, updates] = (await this.#db.transaction(
			[
				{ sql: 'SELECT data, upto_seq FROM doc_snapshots WHERE workshop_id = ? AND doc_name = ?', params: [workshopId, docName] },
				{ sql: 'SELECT seq, data FROM doc_updates WHERE workshop_id = ? AND doc_name = ? ORDER BY seq', params: [workshopId, docName] }
			],
			{ readOnly: true }
		)) as [{ data: Uint8Array; upto_seq: number | string }[], { seq: number | string; data: Uint8Array }[]];
		const snapshot = snapshots[0];
		const last = updates[updates.length - 1];
		return {
			snapshot: snapshot ? toBytes(snapshot.data) : null,
			updates: updates.map((r) => toBytes(r.data)),
			lastSeq: last ? Number(last.seq) : snapshot ? Number(snapshot.upto_seq) : 0
		};
	}

	async compactDoc(workshopId: string, docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
		await this.#db.transaction([
			{
				sql: `INSERT INTO doc_snapshots (workshop_id, doc_name, data, upto_seq) VALUES (?, ?, ?, ?)
				 ON CONFLICT (workshop_id, doc_name) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`,
				params: [workshopId, docName, snapshot, uptoSeq]
			},
			{ sql: 'DELETE FROM doc_updates WHERE workshop_id = ? AND doc_name = ? AND seq <= ?', params: [workshopId, docName, uptoSeq] }
		]);
	}

	async listDocNames(workshopId: string): Promise<string[]> {
		const rows = await this.#db.all<{ doc_name: string }>(
			`SELECT doc_name FROM doc_updates WHERE workshop_id = ?
			 UNION SELECT doc_name FROM doc_snapshots WHERE workshop_id = ? ORDER BY doc_name`,
			[workshopId, workshopId]
		);
		return rows.map((r) => r.doc_name);
	}

	async deleteWorkshopDocs(workshopId: string): Promise<void> {
		await this.#db.transaction(this.removal(workshopId));
		await this.#db.afterErasure();
	}

	removal(workshopId: string): SqlStatement[] {
		return ['doc_updates', 'doc_snapshots'].map((table) => ({ sql: `DELETE FROM ${table} WHERE workshop_id = ?`, params: [workshopId] }));
	}
}
