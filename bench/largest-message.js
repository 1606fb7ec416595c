// How long the largest messages a participant may send hold up the server: a
// participant sends, one after another, the largest commands the schemas allow (50
// factors with 1000-character notes; a move of 500 positions; a message over the 256 KB
// limit the server must refuse) and the facilitator a catalogue command at the message
// limit (20 indicators with two 2000-character fields, the most one command takes), while the server's event-loop lag is probed
// (bench/load/server-probe.js). Target (server authority issue): lag max under 50 ms.
//
//   npm run build && node bench/largest-message.js [--rounds N]
import { DatadialogClient } from './load/datadialog-client.js';
import { startServer } from './load/servers.js';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 20;
const server = await startServer(
	'datadialog',
	process.env.CPU_PROF ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${process.env.CPU_PROF}`] } : {}
);
const send = (/** @type {DatadialogClient} */ client, /** @type {string} */ doc, /** @type {Record<string, unknown>} */ command) =>
	new Promise((resolve) => {
		client.emit('edit', [doc, { client: 'largest-msg-client', seq: ++seq, command }], (_error, answer) => resolve(answer));
	});
let seq = 0;
try {
	const created = await fetch(`${server.httpUrl}/api/workshops`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ title: 'Största meddelandet' })
	});
	const workshop = /** @type {{ id: string, code: string, facilitatorSecret: string }} */ (await created.json());
	const joined = await fetch(`${server.httpUrl}/api/workshops/${workshop.code}/participants`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ sector: 'skola' })
	});
	const { session } = /** @type {{ session: string }} */ (await joined.json());
	const participant = new DatadialogClient({ url: server.httpUrl, workshop: workshop.id, participant: session });
	const facilitator = new DatadialogClient({ url: server.httpUrl, workshop: workshop.id, facilitator: workshop.facilitatorSecret });
	await Promise.all([participant.connected(10_000), facilitator.connected(10_000)]);
	for (const [client, doc] of /** @type {const} */ ([
		[participant, 'map:plenary'],
		[facilitator, 'indicators']
	])) {
		client.open(doc);
		await client.whenSynced(doc, 10_000);
	}
	await server.probe(); // start the window
	const note = 'n'.repeat(1000);
	const field = 'f'.repeat(2000);
	/** @type {Record<'factorAdd' | 'factorMove' | 'indicatorAdd' | 'tooLarge', number[]>} */
	const timings = { factorAdd: [], factorMove: [], indicatorAdd: [], tooLarge: [] };
	for (let round = 0; round < rounds; round++) {
		const factors = Array.from({ length: 50 }, (_, i) => ({
			id: `r${round}-f${i}`,
			label: `Faktor ${round}-${i}`,
			kind: 'faktor',
			note,
			x: i,
			y: round
		}));
		let start = performance.now();
		await send(participant, 'map:plenary', { type: 'factor.add', factors });
		timings.factorAdd.push(performance.now() - start);
		const positions = Array.from({ length: 500 }, (_, i) => ({ id: `r0-f${i % 50}`, x: i, y: round }));
		start = performance.now();
		await send(participant, 'map:plenary', { type: 'factor.move', positions });
		timings.factorMove.push(performance.now() - start);
		const indicators = Array.from({ length: 20 }, (_, i) => ({
			id: `r${round}-i${i}`,
			meta: { namn: `Indikator ${i}`, definition: field, syfte: field }
		}));
		start = performance.now();
		await send(facilitator, 'indicators', { type: 'indicator.add', indicators });
		timings.indicatorAdd.push(performance.now() - start);
		start = performance.now();
		await new Promise((resolve) =>
			participant.emit('y', ['map:plenary', new Uint8Array(256 * 1024 + 1000)], (_error, answer) => resolve(answer))
		);
		timings.tooLarge.push(performance.now() - start);
	}
	const lag = await server.probe();
	const max = (/** @type {number[]} */ list) => Math.max(...list).toFixed(1);
	const p50 = (/** @type {number[]} */ list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]?.toFixed(1);
	console.log(`rounds: ${rounds}`);
	for (const [name, list] of Object.entries(timings)) console.log(`${name.padEnd(14)} answer p50 ${p50(list)} ms, max ${max(list)} ms`);
	console.log(
		`server event-loop lag: p99 ${lag?.loop_p99_ms?.toFixed(1)} ms, max ${lag?.loop_max_ms?.toFixed(1)} ms (target: max < 50 ms)`
	);
	participant.destroy();
	facilitator.destroy();
	if ((lag?.loop_max_ms ?? Infinity) >= 50) process.exitCode = 1;
} finally {
	await server.stop();
}
