// A load-generator thread: runs its share of the simulated people against one server.
//
// Messages from bench/run.js:
//   { type: 'start', epochUs, wave }       join everyone of that wave (default 0) at epochUs + their ramp offset
//   { type: 'measure', fromUs, toUs }      record edits sent in [fromUs, toUs); stop acting at toUs
//   { type: 'report' }                     send back records and counters
//   { type: 'close' }                      disconnect everyone
// Messages to bench/run.js: 'joined' / 'join-failed' per person, 'report', 'closed', 'fatal'.
//
// Latency is measured without touching the documents' content, and identically for every
// server: each receiver reads, from every update it receives, which Yjs clients' clocks it
// advances to what (Y.parseUpdateMeta: no Y.Doc, no integration) and records those that
// move past what it had, with the time. Against Hocuspocus the sender records (document,
// its Yjs client id, its clock after the edit, send time). Against Datadialog only the
// server writes, so the sender records (document, its own number, the command's seq, send
// time), and the thread's replica of the document records, from the `applied` map the
// server writes in the same transaction as the change, which server Yjs item (client,
// clock) carried each (sender, seq). bench/run.js joins these: an edit reached a receiver
// once the receiver saw the edit's client pass the edit's clock.
//
// Each thread keeps ONE replica (Y.Doc) per document, not one per person: the first of the
// thread's people to receive an update applies it there, the others only parse its clock
// ranges. The people's behaviour reads the replica (own cards, everyone's factors), and a
// Hocuspocus person writes into it under its own Yjs client id (HocuspocusClient.write),
// which sends the update from that person's connection.
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { ACTION_KINDS, Behaviour, applyLocally } from './behaviour.js';
import { DatadialogClient } from './datadialog-client.js';
import { HocuspocusClient } from './hocuspocus-client.js';
import { nowUs, rng } from './stats.js';

/**
 * @typedef {object} WorkerInput
 * @property {'datadialog' | 'hocuspocus'} server
 * @property {string} url          http://127.0.0.1:port (Datadialog) or ws://127.0.0.1:port (Hocuspocus)
 * @property {{ id: string, code: string, facilitatorSecret: string }[]} workshops  Datadialog only
 * @property {import('./plan.js').ClientPlan[]} clients  this thread's share
 * @property {import('./plan.js').DocPlan[]} docs        all documents
 * @property {number} syncTimeoutMs
 */

/** @typedef {DatadialogClient | HocuspocusClient} LoadClient */

/**
 * @typedef {object} Person
 * @property {import('./plan.js').ClientPlan} plan
 * @property {LoadClient | null} client
 * @property {Map<number, Y.Doc>} docs   the thread's replicas, by document id
 * @property {Map<number, string>} names  document names by id
 * @property {Map<number, Map<number, number>>} seen  per document: the clock this person has seen per Yjs client
 * @property {number} clientId  Hocuspocus: this person's Yjs client id
 * @property {string} participantId
 * @property {Behaviour | null} behaviour
 * @property {ReturnType<typeof setTimeout> | null} timer
 */

if (!parentPort) throw new Error('run me as a worker thread');
const port = parentPort;
const input = /** @type {WorkerInput} */ (workerData);

/** @type {Person[]} */
const people = [];
/** Flat records: [docId, senderIdx, client, clock, tUs, actionKind] per edit sent in the window. */
const sends = /** @type {number[]} */ ([]);
/** Flat records: [docId, receiverIdx, client, clock, tUs] per received update that advanced a client's clock, from the window's start. */
const receives = /** @type {number[]} */ ([]);
/** Datadialog, flat records: [docId, senderIdx, seq, client, clock] — command `seq` of `senderIdx` was written by the server as Yjs item (client, clock - 1). */
const mappings = /** @type {number[]} */ ([]);
/** The thread's replica of each document. @type {Map<number, Y.Doc>} */
const replicas = new Map();
/** Origin of updates applied from the server. */
const REMOTE = Symbol('remote');
let windowFrom = Infinity;
let windowTo = Infinity;
let stopped = false;
const counters = { problems: 0, disconnects: 0, acksOk: 0, acksFailed: 0, connectRetries: 0 };
/** @type {Record<string, number>} */
const connectRetryReasons = {};
/** @type {Record<string, number>} */
const problemCodes = {};
/** @type {string[]} */
const problemSamples = [];
/** Datadialog only: send → "durably stored" acknowledgement, for updates sent in the window. */
const ackLatenciesUs = /** @type {number[]} */ ([]);
/** Datadialog only: `vote.cast` sent → stored and confirmed, for dots cast in the window. */
const voteLatenciesUs = /** @type {number[]} */ ([]);
const LOOP_RESOLUTION_MS = 5;
/** Samples every 5 ms; a sample is the interval length, so the lag is the excess over 5 ms. */
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loopDelay.enable();

/** Event-loop lag percentile in ms (100 = max). @param {number} p */
function lagOf(p) {
	const ns = p >= 100 ? loopDelay.max : loopDelay.percentile(p);
	return Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
}

/** @param {{ code: string, message: string }} problem */
function onProblem(problem) {
	counters.problems++;
	problemCodes[problem.code] = (problemCodes[problem.code] ?? 0) + 1;
	if (problemSamples.length < 5) problemSamples.push(`${problem.code}: ${problem.message}`);
}

/** @param {number} latencyUs @param {boolean} ok */
function onAck(latencyUs, ok) {
	if (ok) counters.acksOk++;
	else counters.acksFailed++;
	const sentAt = nowUs() - latencyUs;
	if (ok && sentAt >= windowFrom && sentAt < windowTo) ackLatenciesUs.push(latencyUs);
}

/** The command client id of person `idx`: the receivers read the sender back out of it. */
const commandClientOf = (/** @type {number} */ idx) => `bench-${String(idx).padStart(6, '0')}`;

/**
 * The thread's replica of a document. For Datadialog it records, whenever the server's
 * `applied` entry of one of our senders (`<author>/bench-<idx>` → seq) arrives, the Yjs id
 * of the item that holds it: the same transaction carried the change.
 * @param {number} docId
 */
function replica(docId) {
	let doc = replicas.get(docId);
	if (doc) return doc;
	doc = new Y.Doc();
	replicas.set(docId, doc);
	if (input.server === 'datadialog') {
		const applied = doc.getMap('applied');
		applied.observe((event) => {
			if (nowUs() < windowFrom) return;
			for (const key of event.keysChanged) {
				const sender = /bench-(\d+)$/.exec(key);
				// Y.Map keeps the current Item per key; its id is where the server wrote this seq.
				const item = /** @type {any} */ (applied)._map.get(key);
				const seq = applied.get(key);
				if (sender && item && typeof seq === 'number')
					mappings.push(docId, Number(sender[1]), seq, item.id.client, item.id.clock + item.length);
			}
		});
	}
	return doc;
}

/**
 * One update (SyncStep2 or update) reached `person`: applied to the thread's replica unless
 * someone on this thread already did, then its clock ranges are recorded for the person.
 * @param {Person} person @param {number} docId @param {Uint8Array} update
 */
function received(person, docId, update) {
	const t = nowUs();
	const meta = Y.parseUpdateMeta(update);
	const doc = replica(docId);
	let fresh = meta.to.size === 0; // deletions only: cheap, apply
	for (const [client, to] of meta.to) {
		if (Y.getState(doc.store, client) < to) {
			fresh = true;
			break;
		}
	}
	if (fresh) Y.applyUpdate(doc, update, REMOTE);
	let seen = person.seen.get(docId);
	if (!seen) person.seen.set(docId, (seen = new Map()));
	for (const [client, to] of meta.to) {
		if (to <= (seen.get(client) ?? 0)) continue;
		seen.set(client, to);
		if (t >= windowFrom && client !== person.clientId) receives.push(docId, person.plan.idx, client, to, t);
	}
}

/** Keeps the joins' HTTP connections open, as a browser does. */
const httpAgent = new Agent({ keepAlive: true });

/**
 * POSTs JSON with node:http rather than fetch(): undici's fetch costs the generator about
 * 1.3 ms of CPU per join against 0.6 ms, time the generator's other people then wait for,
 * and Hocuspocus's people make no HTTP request at all.
 * @param {string} url @param {unknown} body
 * @returns {Promise<{ status: number, body: string }>}
 */
function postJson(url, body) {
	const data = Buffer.from(JSON.stringify(body));
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{ method: 'POST', agent: httpAgent, headers: { 'content-type': 'application/json', 'content-length': data.byteLength } },
			(res) => {
				/** @type {Buffer[]} */
				const chunks = [];
				res.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(data);
	});
}

/** @param {Person} person @param {number} epochUs */
async function join(person, epochUs) {
	const { plan } = person;
	const startedUs = nowUs();
	const docNames = plan.docs.map((id) => /** @type {import('./plan.js').DocPlan} */ (input.docs[id]).name);
	/** This person's documents: name → id. */
	const idOf = new Map(plan.docs.map((id, i) => [/** @type {string} */ (docNames[i]), id]));
	let participantId = `p${plan.idx}`;
	const phases = { httpUs: 0, transportUs: 0, connectUs: 0, syncUs: 0 };
	if (input.server === 'datadialog') {
		const workshop = input.workshops[plan.workshop];
		if (!workshop) throw new Error(`no workshop ${plan.workshop}`);
		/** @type {{ participant?: string, facilitator?: string }} */
		let credentials;
		if (plan.role === 'facilitator') {
			credentials = { facilitator: workshop.facilitatorSecret };
		} else {
			const response = await postJson(`${input.url}/api/workshops/${workshop.code}/participants`, {
				displayName: `Deltagare ${plan.idx}`,
				sector: plan.sector
			});
			if (response.status !== 201) throw new Error(`join ${response.status}: ${response.body}`);
			const joined = /** @type {{ participantId: string, session: string }} */ (JSON.parse(response.body));
			phases.httpUs = nowUs() - startedUs;
			participantId = joined.participantId;
			credentials = { participant: joined.session };
		}
		person.client = new DatadialogClient({
			url: input.url,
			workshop: workshop.id,
			clientId: commandClientOf(plan.idx),
			...credentials,
			onUpdate: (name, update) => {
				const id = idOf.get(name);
				if (id !== undefined) received(person, id, update);
			},
			onProblem,
			onAck,
			onDisconnect: () => !stopped && counters.disconnects++,
			onConnectRetry: (reason) => {
				counters.connectRetries++;
				connectRetryReasons[reason] = (connectRetryReasons[reason] ?? 0) + 1;
			}
		});
	} else {
		person.client = new HocuspocusClient({
			url: input.url,
			prefix: `w${plan.workshop}`,
			replica: (name) => replica(/** @type {number} */ (idOf.get(name))),
			onUpdate: (name, update) => {
				const id = idOf.get(name);
				if (id !== undefined) received(person, id, update);
			},
			onDisconnect: () => !stopped && counters.disconnects++,
			onConnectRetry: (reason) => {
				counters.connectRetries++;
				connectRetryReasons[reason] = (connectRetryReasons[reason] ?? 0) + 1;
			}
		});
	}
	const client = person.client;
	// Opened before the connection is made, as a page does: both clients ask for them as soon as they can.
	for (const [i, id] of plan.docs.entries()) {
		person.docs.set(id, replica(id));
		person.names.set(id, /** @type {string} */ (docNames[i]));
		client.open(/** @type {string} */ (docNames[i]));
	}
	// Every Datadialog page also follows the method's shared state (phase, timer, vote progress).
	if (client instanceof DatadialogClient) client.open('control');
	await client.connected(input.syncTimeoutMs);
	phases.connectUs = nowUs() - startedUs - phases.httpUs;
	if (client instanceof DatadialogClient && client.transportOpenAtUs) {
		phases.transportUs = client.transportOpenAtUs - startedUs - phases.httpUs;
	}
	await client.whenSynced(/** @type {string} */ (docNames[0]), input.syncTimeoutMs);
	const joinUs = nowUs() - startedUs;
	phases.syncUs = joinUs - phases.httpUs - phases.connectUs;
	await Promise.all(docNames.map((name) => client.whenSynced(name, input.syncTimeoutMs)));
	port.postMessage({
		type: 'joined',
		idx: plan.idx,
		wave: plan.wave ?? 0,
		joinUs,
		phases,
		lateUs: startedUs - (epochUs + plan.startAtMs * 1000)
	});

	if (plan.role !== 'participant') return;
	person.participantId = participantId;
	person.behaviour = new Behaviour({
		participantId,
		sector: plan.sector,
		canvas: plan.canvas === null ? null : (person.docs.get(plan.canvas) ?? null),
		map: plan.map === null ? null : (person.docs.get(plan.map) ?? null),
		random: rng(plan.seed)
	});
	schedule(person);
}

/** @param {Person} person */
function schedule(person) {
	if (stopped || !person.behaviour) return;
	person.timer = setTimeout(() => act(person), person.behaviour.pauseMs());
}

/** @param {Person} person */
function act(person) {
	person.timer = null;
	const behaviour = person.behaviour;
	if (stopped || !behaviour) return;
	const t = nowUs();
	if (t >= windowTo) return; // the measured window is over: stop editing, let the last edits drain
	const action = behaviour.act();
	if (action && !('doc' in action)) {
		const dot = castDot(person, behaviour, action.cardId, t);
		if (dot) record(person, dot.doc, dot.kind, t, null);
	} else if (action) {
		record(person, action.doc, action.kind, t, action.command);
	}
	schedule(person);
}

/**
 * Sends a command (Datadialog) or writes it (Hocuspocus; `command` null: already written)
 * and remembers, in the measured window, what receivers will see of it.
 * @param {Person} person @param {Y.Doc} doc @param {import('./behaviour.js').ActionKind} kind @param {number} t
 * @param {import('./behaviour.js').Command | null} command
 */
function record(person, doc, kind, t, command) {
	const id = [...person.docs].find(([, candidate]) => candidate === doc)?.[0];
	if (id === undefined) return;
	const { client, plan } = person;
	const name = /** @type {string} */ (person.names.get(id));
	let sender;
	let clock;
	if (client instanceof DatadialogClient) {
		if (!command) return;
		sender = plan.idx;
		clock = client.edit(name, command);
	} else if (client) {
		const author = { authorId: person.participantId, sector: plan.sector };
		if (command && !client.write(name, person.clientId, () => applyLocally(doc, command, author))) return;
		sender = person.clientId;
		clock = Y.getState(doc.store, person.clientId);
	} else {
		return;
	}
	if (t >= windowFrom) sends.push(id, plan.idx, sender, clock, t, ACTION_KINDS.indexOf(kind));
}

/**
 * Datadialog keeps ballots on the server: a dot is a `vote.cast` command, timed until the
 * server confirms it stored it. Hocuspocus has no server-side ballot, so there a dot is a
 * Yjs write everyone receives, measured like any edit.
 * @param {Person} person @param {Behaviour} behaviour @param {string} cardId @param {number} t
 * @returns {{ doc: Y.Doc, kind: 'vote' } | null}
 */
function castDot(person, behaviour, cardId, t) {
	const { client, plan } = person;
	if (client instanceof DatadialogClient) {
		client
			.command({ type: 'vote.cast', cardId }, 15_000)
			.then(() => {
				if (t >= windowFrom && t < windowTo) voteLatenciesUs.push(nowUs() - t);
			})
			.catch((/** @type {unknown} */ error) => onProblem({ code: 'vote', message: String(error) }));
		return null;
	}
	const canvas = plan.canvas === null ? null : person.docs.get(plan.canvas);
	if (!canvas || !client || plan.canvas === null) return null;
	if (!client.write(/** @type {string} */ (person.names.get(plan.canvas)), person.clientId, () => behaviour.castDot(canvas, cardId)))
		return null;
	return { doc: canvas, kind: 'vote' };
}

port.on('message', (/** @type {{ type: string, epochUs?: number, fromUs?: number, toUs?: number, wave?: number }} */ message) => {
	switch (message.type) {
		case 'start': {
			const epochUs = message.epochUs ?? nowUs();
			const wave = message.wave ?? 0;
			for (const plan of input.clients) {
				if ((plan.wave ?? 0) !== wave) continue;
				// A Yjs client id of the person's own (Hocuspocus), fixed by the plan's seed.
				const clientId = (rng(plan.seed ^ 0x5bd1e995)() * 0xfffffffe + 1) >>> 0;
				/** @type {Person} */
				const person = {
					plan,
					client: null,
					docs: new Map(),
					names: new Map(),
					seen: new Map(),
					clientId,
					participantId: `p${plan.idx}`,
					behaviour: null,
					timer: null
				};
				people.push(person);
				const delayMs = Math.max(0, (epochUs - nowUs()) / 1000 + plan.startAtMs);
				setTimeout(() => {
					join(person, epochUs).catch((/** @type {unknown} */ error) => {
						const code = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
						port.postMessage({ type: 'join-failed', idx: plan.idx, error: `${String(error)}${code}` });
					});
				}, delayMs);
			}
			return;
		}
		case 'measure':
			windowFrom = message.fromUs ?? nowUs();
			windowTo = message.toUs ?? Infinity;
			// The lag while everyone joined, then start over for the measured window.
			port.postMessage({ type: 'join-loop', p99_ms: lagOf(99), max_ms: lagOf(100) });
			loopDelay.reset();
			return;
		case 'report': {
			stopped = true;
			for (const person of people) if (person.timer) clearTimeout(person.timer);
			const hocuspocusUnsynced = people.reduce((n, p) => n + (p.client instanceof HocuspocusClient ? p.client.unsynced() : 0), 0);
			const sendArray = Float64Array.from(sends);
			const receiveArray = Float64Array.from(receives);
			const mappingArray = Float64Array.from(mappings);
			const ackArray = Float64Array.from(ackLatenciesUs);
			const voteArray = Float64Array.from(voteLatenciesUs);
			port.postMessage(
				{
					type: 'report',
					sends: sendArray,
					receives: receiveArray,
					mappings: mappingArray,
					ackLatenciesUs: ackArray,
					voteLatenciesUs: voteArray,
					counters: { ...counters, hocuspocusUnsynced },
					problemCodes,
					problemSamples,
					connectRetryReasons,
					loop: {
						p50_ms: lagOf(50),
						p99_ms: lagOf(99),
						max_ms: lagOf(100)
					}
				},
				[sendArray.buffer, receiveArray.buffer, mappingArray.buffer, ackArray.buffer, voteArray.buffer]
			);
			return;
		}
		case 'close':
			stopped = true;
			for (const person of people) {
				if (person.timer) clearTimeout(person.timer);
				person.client?.destroy();
			}
			loopDelay.disable();
			port.postMessage({ type: 'closed' });
			setTimeout(() => port.close(), 50).unref();
			return;
	}
});

process.on('unhandledRejection', (error) => port.postMessage({ type: 'fatal', error: String(error) }));
