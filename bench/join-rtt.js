// How long one person's join takes over a network with a round-trip time, Datadialog against
// Hocuspocus, one join at a time on an idle server. On loopback a round trip costs ~0.1 ms
// and the load benchmark's join time is mostly waiting for the server's CPU; a phone on a
// mobile network pays 30–100 ms per round trip, so there the number of round trips decides.
//
//   node bench/join-rtt.js [--rtt MS] [--joins N]
//
// A proxy in this process holds every chunk for half the RTT in each direction (the TCP
// handshake itself is not delayed, for either server). A Datadialog join is the HTTP join,
// the WebSocket upgrade, socket.io's CONNECT (which, since protocol 5, also opens and syncs
// the page's documents); a Hocuspocus join is the upgrade and the sync.
import { createConnection, createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { request } from 'node:http';
import * as Y from 'yjs';
import { DatadialogClient } from './load/datadialog-client.js';
import { HocuspocusClient } from './load/hocuspocus-client.js';
import { startServer } from './load/servers.js';
import { percentile } from './load/stats.js';

const { values: args } = parseArgs({ options: { rtt: { type: 'string', default: '40' }, joins: { type: 'string', default: '30' } } });
const rttMs = Number(args.rtt);
const joins = Number(args.joins);
const FIRST_DOC = 'canvas:plenary';
const DOCS = [FIRST_DOC, 'map:plenary'];

/**
 * A TCP proxy to `port` that delays everything by half the RTT each way, in order.
 * @param {number} port
 * @returns {Promise<import('node:net').Server>}
 */
function delayingProxy(port) {
	const proxy = createServer((downstream) => {
		downstream.setNoDelay(true);
		const upstream = createConnection({ host: '127.0.0.1', port, noDelay: true });
		/** @param {import('node:net').Socket} from @param {import('node:net').Socket} to */
		const relay = (from, to) => {
			from.on('data', (/** @type {Buffer} */ chunk) => setTimeout(() => to.writable && to.write(chunk), rttMs / 2));
			from.on('end', () => setTimeout(() => to.end(), rttMs / 2));
			from.on('error', () => to.destroy());
		};
		relay(downstream, upstream);
		relay(upstream, downstream);
	});
	return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(proxy)));
}

/**
 * @param {string} url @param {unknown} body
 * @returns {Promise<{ status: number, body: string }>}
 */
function postJson(url, body) {
	const data = Buffer.from(JSON.stringify(body));
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{ method: 'POST', headers: { 'content-type': 'application/json', 'content-length': data.byteLength } },
			(res) => {
				let text = '';
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
			}
		);
		req.on('error', reject);
		req.end(data);
	});
}

/** @param {string} url @param {{ id: string, code: string }} workshop */
async function joinDatadialog(url, workshop) {
	const started = performance.now();
	const joined = await postJson(`${url}/api/workshops/${workshop.code}/participants`, { displayName: 'Deltagare', sector: 'skola' });
	if (joined.status !== 201) throw new Error(`join ${joined.status}: ${joined.body}`);
	const client = new DatadialogClient({ url, workshop: workshop.id, participant: JSON.parse(joined.body).session });
	for (const name of DOCS) client.open(name);
	client.open('control');
	await client.whenSynced(FIRST_DOC, 10_000);
	const ms = performance.now() - started;
	client.destroy();
	return ms;
}

/** @param {string} url @param {number} i */
async function joinHocuspocus(url, i) {
	const started = performance.now();
	const client = new HocuspocusClient({ url, prefix: `rtt${i}`, replica: () => new Y.Doc(), onUpdate: () => {} });
	for (const name of DOCS) client.open(name);
	await client.whenSynced(FIRST_DOC, 10_000);
	const ms = performance.now() - started;
	client.destroy();
	return ms;
}

/** @type {{ datadialog: number[], hocuspocus: number[] }} */
const results = { datadialog: [], hocuspocus: [] };
for (const kind of /** @type {const} */ (['datadialog', 'hocuspocus'])) {
	const server = await startServer(kind);
	const proxy = await delayingProxy(server.port);
	const proxyPort = /** @type {import('node:net').AddressInfo} */ (proxy.address()).port;
	try {
		const times = [];
		if (kind === 'datadialog') {
			const created = await postJson(`${server.httpUrl}/api/workshops`, { title: 'Rundresor' });
			const workshop = JSON.parse(created.body);
			for (let i = 0; i < joins; i++) times.push(await joinDatadialog(`http://127.0.0.1:${proxyPort}`, workshop));
		} else {
			for (let i = 0; i < joins; i++) times.push(await joinHocuspocus(`ws://127.0.0.1:${proxyPort}`, i));
		}
		results[kind] = times.sort((a, b) => a - b);
	} finally {
		proxy.close();
		await server.stop();
	}
}
const dd = results.datadialog;
const hp = results.hocuspocus;
/** @param {number[]} values @param {number} p */
const fmt = (values, p) => percentile(values, p).toFixed(1);
console.log(`join over a ${rttMs} ms round trip, ${joins} joins one at a time (ms)`);
console.log(`            p50     p95`);
console.log(`DD      ${fmt(dd, 50).padStart(7)} ${fmt(dd, 95).padStart(7)}   ≈ ${(percentile(dd, 50) / rttMs).toFixed(1)} round trips`);
console.log(`HP      ${fmt(hp, 50).padStart(7)} ${fmt(hp, 95).padStart(7)}   ≈ ${(percentile(hp, 50) / rttMs).toFixed(1)} round trips`);
console.log(
	`DD/HP   ${(percentile(dd, 50) / percentile(hp, 50)).toFixed(2).padStart(7)} ${(percentile(dd, 95) / percentile(hp, 95)).toFixed(2).padStart(7)}`
);
