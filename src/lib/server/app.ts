import type { Server as HttpServer } from 'node:http';
import { readConfig, type Config } from './config';
import { log } from './log';
import { createStorage } from './persistence/create-storage';
import type { Storage } from './persistence/storage';
import { DocRegistry } from './realtime/doc-registry';
import { MethodService } from './method/method-service';
import { DocCommandService } from './realtime/doc-commands';
import {
	attachRealtime,
	broadcastUpdate,
	isDocInUse,
	presentParticipants,
	sendVoteViews,
	voteViewerKey,
	type DialogServer
} from './realtime/socket-server';
import { ensureDemoWorkshop } from './demo';
import { startRedisRelay, type RedisRelay } from './realtime/redis-relay';

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
	const docs = new DocRegistry({
		storage,
		onUpdate: (live, update) => {
			if (io) broadcastUpdate(io, live, update);
		},
		onStored: (live, update) => relay?.publish(live, update)
	});
	/** Per workshop, whose vote views are due: a set of viewer keys, or everyone's. */
	const dueVoteViews = new Map<string, Set<string> | 'everyone'>();
	const method = new MethodService({
		storage,
		docs,
		present: async (workshopId) => (io ? presentParticipants(io, storage, workshopId) : []),
		// Debounced: in a room of 300, a burst of dots becomes one round of views.
		onVoteChanged: (workshopId, whose) => {
			if (!io) return;
			const server = io;
			const due = dueVoteViews.get(workshopId);
			if (due === undefined) {
				setTimeout(() => {
					const viewers = dueVoteViews.get(workshopId);
					dueVoteViews.delete(workshopId);
					void sendVoteViews(server, method, workshopId, viewers === 'everyone' ? null : (viewers ?? new Set())).catch((error) =>
						log.error('vote.views_failed', { workshopId, error })
					);
				}, 150);
			}
			if (whose === 'everyone' || due === 'everyone') dueVoteViews.set(workshopId, 'everyone');
			else dueVoteViews.set(workshopId, new Set([...(due ?? []), voteViewerKey(whose)]));
		}
	});
	const commands = new DocCommandService({ docs, storage });
	if (httpServer) io = attachRealtime({ httpServer, storage, docs, method, commands });
	if (io && config.redisUrl) relay = await startRedisRelay({ url: config.redisUrl, io, docs });

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
