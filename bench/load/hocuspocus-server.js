// The reference server for the load benchmark: a minimal @hocuspocus/server 3.4 on
// 127.0.0.1, documents in memory only (no persistence extension is installed, so
// nothing is written to disk, unlike Datadialog which stores every update in SQLite
// before acknowledging it). Started by bench/run.js as a child process; prints the same
// JSON "http.listening" line as server/index.js so both are started the same way.
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT ?? 0);
const server = new Server({
	port,
	address: '127.0.0.1',
	quiet: true,
	stopOnSignals: false
});

await server.listen();
process.stdout.write(
	JSON.stringify({ time: new Date().toISOString(), level: 'info', event: 'http.listening', port: server.address.port }) + '\n'
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
