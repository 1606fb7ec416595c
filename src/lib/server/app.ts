import type { Server as HttpServer } from 'node:http';
import { readConfig, type Config } from './config';
import { log } from './log';
import { createStorage } from './persistence/create-storage';
import type { Storage } from './persistence/storage';
import { DocRegistry } from './realtime/doc-registry';
import { MethodService } from './method/method-service';
import { DocCommandService } from './realtime/doc-commands';
import { attachRealtime, isDocInUse, presentParticipants, type DialogServer } from './realtime/socket-server';
import { VoteViews } from './method/vote-views';
import { ensureDemoWorkshop } from './demo';
import type { RedisRelay } from './realtime/redis-relay';

/** Everything the running server holds; created once per process in hooks.server.ts. */
export interface App {
	config: Config;
	storage: Storage;
	docs: DocRegistry;
	method: MethodService;
	io: DialogServer | null;
	stop(): Promise<void>;
}

const HTTP_SERVER_KEY = Symbol.for('datadialog.httpServer');
const APP_KEY = Symbol.for('datadialog.app');
type Globals = Record<symbol, unknown>;

/**
 * Starts storage and, when an HTTP server was handed over (server/index.js in
 * production, the Vite plugin in dev), socket.io on that same server.
 */
export async function startApp(): Promise<App> {
	const globals = globalThis as Globals;
	const existing = globals[APP_KEY] as Promise<App> | undefined;
	if (existing) return existing;
	const starting = start(globals[HTTP_SERVER_KEY] as HttpServer | undefined);
	globals[APP_KEY] = starting;
	return starting;
}

/** The running app; API routes and page loads call this. */
export function getApp(): Promise<App> {
	return startApp();
}

async function start(httpServer: HttpServer | undefined): Promise<App> {
	const config = readConfig();
	const storage = await createStorage(config);
	let io: DialogServer | null = null;
	let relay: RedisRelay | null = null;
	// Behind Redis, other instances store updates of the same documents.
	const docs = new DocRegistry({ store: storage.docs, sharedStore: Boolean(config.redisUrl) });
	const voteViews = new VoteViews({ io: () => io, method: () => method });
	const method: MethodService = new MethodService({
		storage,
		docs,
		present: async (workshopId) => (io ? presentParticipants(io, storage, workshopId) : []),
		onVoteChanged: (workshopId, whose) => voteViews.changed(workshopId, whose)
	});
	const commands = new DocCommandService({ docs, storage });
	if (httpServer) io = attachRealtime({ httpServer, storage, docs, method, commands, behindRedis: Boolean(config.redisUrl) });
	// Loaded only behind Redis: the Redis client and adapter cost a lone server memory for nothing.
	if (io && config.redisUrl) relay = await (await import('./realtime/redis-relay')).startRedisRelay({ url: config.redisUrl, io, docs });

	const unloadTimer = setInterval(() => {
		void docs
			.unloadIdle({ idleMs: 60_000, isInUse: (live) => (io ? isDocInUse(io, live) : false) })
			.catch((error) => log.error('doc.unload_failed', { error }));
	}, 30_000);
	unloadTimer.unref();

	log.info('app.started', { storage: storage.kind, realtime: io !== null, redis: relay !== null });
	if (config.demo) await ensureDemoWorkshop({ storage, docs, config });

	return {
		config,
		storage,
		docs,
		method,
		get io() {
			return io;
		},
		async stop() {
			clearInterval(unloadTimer);
			io?.close();
			await relay?.close();
			await docs.flush();
			await storage.close();
		}
	};
}
