import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies the WAL into the database file from a worker thread of its own. SQLite's
 * automatic checkpoint runs inside whichever commit crosses 1,000 pages, and with its
 * fsync that commit stalled the event loop, and so every room, for 20 ms and at times
 * over 100 ms. A PASSIVE checkpoint on another connection never blocks the writer; the
 * writer starts the WAL over by itself once everything in it has been copied.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch (error) {
		parentPort.postMessage({ error: String(error) });
	}
}, workerData.everyMs);
parentPort.on('message', () => {
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;

export interface Checkpointer {
	stop(): Promise<void>;
}

export function startCheckpointer(file: string, onError: (message: string) => void, everyMs = 500): Checkpointer {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, everyMs } });
	worker.on('message', (message: { error?: string }) => message.error && onError(message.error));
	worker.on('error', (error) => onError(String(error)));
	worker.unref();
	return {
		async stop() {
			const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
			worker.postMessage('stop');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
			await worker.terminate();
		}
	};
}
