import type { Config } from '../config';
import { PostgresStorage } from './postgres';
import { SqliteStorage } from './sqlite';
import type { Storage } from './storage';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded SQLite file in DATA_DIR. */
export async function createStorage(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Storage> {
	const storage: Storage = config.databaseUrl
		? new PostgresStorage({ connectionString: config.databaseUrl })
		: new SqliteStorage({ dataDir: config.dataDir });
	await storage.migrate();
	return storage;
}
