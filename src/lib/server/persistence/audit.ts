import type { SqlDriver } from './sql-driver';

export type AuditAction =
	'close' | 'reopen' | 'follow-up' | 'import' | 'delete' | 'names-erased' | 'copy' | 'link-created' | 'link-revoked';

/** One line of the audit log: what happened to which workshop and on whose authority, never any content. */
export interface AuditEntry {
	at: string;
	action: AuditAction;
	workshopId: string;
	actor: 'facilitator' | 'organiser' | 'system';
}

/** The audit log: append-only, and kept when the workshop it names is deleted. */
export interface AuditLog {
	append(entry: AuditEntry): Promise<void>;
	/** In the order they were appended. */
	list(): Promise<AuditEntry[]>;
}

export class SqlAuditLog implements AuditLog {
	readonly #db: SqlDriver;

	constructor(db: SqlDriver) {
		this.#db = db;
	}

	async append(entry: AuditEntry): Promise<void> {
		await this.#db.run('INSERT INTO audit_log (at, action, workshop_id, actor) VALUES (?, ?, ?, ?)', [
			entry.at,
			entry.action,
			entry.workshopId,
			entry.actor
		]);
	}

	list(): Promise<AuditEntry[]> {
		return this.#db.all<AuditEntry>('SELECT at, action, workshop_id AS "workshopId", actor FROM audit_log ORDER BY seq');
	}
}
