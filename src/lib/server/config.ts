import { resolve } from 'node:path';

export interface Config {
	port: number;
	dataDir: string;
	databaseUrl: string | null;
	redisUrl: string | null;
	/** Public origin used in join and facilitator links; defaults to the request's origin. */
	publicOrigin: string | null;
	/** Create and log a demo workshop on first start (default on). */
	demo: boolean;
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const port = Number(env.PORT ?? 3000);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`PORT must be a port number, got "${env.PORT}"`);
	}
	return {
		port,
		dataDir: resolve(env.DATA_DIR ?? './data'),
		databaseUrl: env.DATABASE_URL || null,
		redisUrl: env.REDIS_URL || null,
		publicOrigin: env.ORIGIN || null,
		demo: env.DATADIALOG_DEMO !== '0'
	};
}
