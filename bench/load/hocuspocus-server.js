// The reference server for the load benchmark: a minimal @hocuspocus/server 3.4 on
// 127.0.0.1. By default documents live in memory only (no persistence extension, so
// nothing is written to disk, unlike Datadialog which stores every update in SQLite
// before acknowledging it). With HOCUSPOCUS_SQLITE=<file> the server runs with
// @hocuspocus/extension-sqlite 3.4 in its default settings, database in that file: the
// server then stores each document's whole state after its debounce (server settings
// `debounce` / `maxDebounce`, defaults used). Started by bench/run.js as a child process;
// prints the same JSON "http.listening" line as server/index.js so both are started the
// same way, plus the persistence settings in force.
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT ?? 0);
const sqliteFile = process.env.HOCUSPOCUS_SQLITE || '';
/** @type {any[]} */
const extensions = [];
if (sqliteFile) {
	const { SQLite } = await import('@hocuspocus/extension-sqlite');
	extensions.push(new SQLite({ database: sqliteFile }));
}
const server = new Server({
	port,
	address: '127.0.0.1',
	quiet: true,
	stopOnSignals: false,
	extensions
});

await server.listen();
const configuration = /** @type {{ debounce: number, maxDebounce: number }} */ (server.hocuspocus.configuration);
process.stdout.write(
	JSON.stringify({
		time: new Date().toISOString(),
		level: 'info',
		event: 'http.listening',
		port: server.address.port,
		persistence: sqliteFile ? 'sqlite' : 'memory',
		debounce_ms: configuration.debounce,
		max_debounce_ms: configuration.maxDebounce
	}) + '\n'
);

async function shutdown() {
	try {
		await server.destroy();
	} finally {
		process.exit(0);
	}
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
