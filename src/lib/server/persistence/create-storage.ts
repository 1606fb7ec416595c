import type { Config } from '../config';
import type { Storage } from './storage';

/**
 * PostgreSQL when DATABASE_URL is set, otherwise the embedded SQLite file in DATA_DIR.
 * Only the chosen driver is loaded: the other one would cost every server its memory.
 */
export async function createStorage(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Storage> {
	const storage: Storage = config.databaseUrl
		? new (await import('./postgres')).PostgresStorage({ connectionString: config.databaseUrl })
		: new (await import('./sqlite')).SqliteStorage({ dataDir: config.dataDir });
	await storage.migrate();
	return storage;
}
