import type { SqlDriver, SqlStatement } from './sql-driver';
import type { WorkshopDependent } from './workshops';

/**
 * A workshop an organiser keeps as a template for their municipality: new workshops
 * start from its setup (goal, theme, question, agenda with notes, sectors, starter
 * cards) through *Kopiera upplägget*. The template is the workshop itself, so it goes
 * when the workshop is deleted.
 */
export interface SetupTemplateRow {
	workshopId: string;
	name: string;
	municipality: string | null;
	createdAt: string;
}

export interface SetupTemplateRepository {
	/** Keeps the workshop as a template, or renames it. */
	put(row: SetupTemplateRow): Promise<void>;
	/** Every template, by municipality (none last) and name. */
	list(): Promise<SetupTemplateRow[]>;
	/** False when the workshop was no template. */
	remove(workshopId: string): Promise<boolean>;
}

const COLUMNS = 'workshop_id AS "workshopId", name, municipality, created_at AS "createdAt"';

export class SqlSetupTemplateRepository implements SetupTemplateRepository, WorkshopDependent {
	readonly #db: SqlDriver;

	constructor(db: SqlDriver) {
		this.#db = db;
	}

	async put(row: SetupTemplateRow): Promise<void> {
		await this.#db.run(
			`INSERT INTO setup_templates (workshop_id, name, municipality, created_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT (workshop_id) DO UPDATE SET name = excluded.name, municipality = excluded.municipality`,
			[row.workshopId, row.name, row.municipality, row.createdAt]
		);
	}

	list(): Promise<SetupTemplateRow[]> {
		return this.#db.all<SetupTemplateRow>(
			`SELECT ${COLUMNS} FROM setup_templates ORDER BY CASE WHEN municipality IS NULL THEN 1 ELSE 0 END, municipality, name, workshop_id`
		);
	}

	async remove(workshopId: string): Promise<boolean> {
		return (await this.#db.run('DELETE FROM setup_templates WHERE workshop_id = ?', [workshopId])) > 0;
	}

	removal(workshopId: string): SqlStatement[] {
		return [{ sql: 'DELETE FROM setup_templates WHERE workshop_id = ?', params: [workshopId] }];
	}
}
