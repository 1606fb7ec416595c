// Production entry: one HTTP server for SvelteKit (adapter-node handler) and
// socket.io. Plain JS with JSDoc types because Node 20 cannot run .ts files.
import { createServer } from 'node:http';
import { warmUp } from './warm-up.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

// adapter-node builds request URLs from these headers. Behind a reverse proxy (TRUST_PROXY=1)
// trust its X-Forwarded-*; otherwise set our own header from the socket so a client cannot spoof it.
const trustProxy = process.env.TRUST_PROXY === '1';
const OWN_PROTO_HEADER = 'x-datadialog-proto';
if (trustProxy) {
	process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
	process.env.HOST_HEADER ??= 'x-forwarded-host';
} else {
	process.env.PROTOCOL_HEADER = OWN_PROTO_HEADER;
}

// adapter-node refuses bodies over 512 KB by default; indicator uploads may be up to 10 MB.
process.env.BODY_SIZE_LIMIT ??= '11M';

const httpServer = createServer();
/** @type {import('node:http').RequestListener | null} SvelteKit's handler, loaded below (before the server listens). */
let handler = null;
// Registered before socket.io attaches, which then keeps its own requests (/socket.io/, the
// long-polling fallback) from this listener. Added after, both would answer a polling request
// and the second answer would crash the process.
httpServer.on('request', (req, res) => {
	if (!trustProxy) req.headers[OWN_PROTO_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	handler?.(req, res);
});
// hooks.server.ts `init` (run when handler.js is imported) attaches socket.io to it.
/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[Symbol.for('datadialog.httpServer')] = httpServer;

// A variable path: the build exists only after `npm run build`, so it is not type-checked.
const handlerPath = '../build/handler.js';
/** @type {{ handler: import('node:http').RequestListener }} */
const loaded = await import(handlerPath);
handler = loaded.handler;

// Ready means warm: the first people in should not wait for modules to load.
await warmUp().catch((error) =>
	process.stdout.write(
		JSON.stringify({ time: new Date().toISOString(), level: 'warn', event: 'http.warm_up_failed', error: String(error) }) + '\n'
	)
);

httpServer.listen(port, host, () => {
	const address = httpServer.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', event: 'http.listening', port: actualPort }) + '\n');
	if (!process.env.CI) process.stdout.write(`Datadialog: http://localhost:${actualPort}\n`);
});

/** Stop accepting, let the app flush documents to storage, then exit. */
async function shutdown() {
	const app = /** @type {Promise<{ stop(): Promise<void> }> | undefined} */ (
		/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[Symbol.for('datadialog.app')]
	);
	httpServer.close();
	try {
		await (await app)?.stop();
	} finally {
		process.exit(0);
	}
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
