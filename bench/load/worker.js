// A load-generator thread: runs its share of the simulated people against one server.
//
// Messages from bench/run.js:
//   { type: 'start', epochUs, wave }       join everyone of that wave (default 0) at epochUs + their ramp offset
//   { type: 'measure', fromUs, toUs }      record edits sent in [fromUs, toUs); stop acting at toUs
//   { type: 'report' }                     send back records and counters
//   { type: 'close' }                      disconnect everyone
// Messages to bench/run.js: 'joined' / 'join-failed' per person, 'report', 'closed', 'fatal'.
//
// Latency is measured without touching the documents' content. Against Hocuspocus the
// sender records (document, Yjs client id, clock after the edit, send time) and every
// receiver records, per remote transaction, which clients' clocks advanced to what and
// when. Against Datadialog only the server writes, so a sender records (document, its
// own number, the command's seq, send time) and every receiver watches the document's
// `applied` map, where the server records each sender's last applied seq in the same
// transaction as the change. Either way an edit has reached a receiver once the receiver
// saw the sender's clock (or seq) pass the edit's. bench/run.js joins the two.
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
 * @property {Map<number, Y.Doc>} docs
 * @property {Map<number, string>} names  document names by id
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
/** Flat records: [docId, receiverIdx, client, clock, tUs] per remote transaction, from the window's start. */
const receives = /** @type {number[]} */ ([]);
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
 * Datadialog: records when each sender's commands arrive, from the `applied` map the
 * server writes with every change (`<author>/<client>` → last applied seq).
 * @param {Y.Doc} doc @param {number} docId @param {number} receiverIdx
 */
function watchApplied(doc, docId, receiverIdx) {
	const applied = doc.getMap('applied');
	applied.observe((event) => {
		const t = nowUs();
		if (t < windowFrom) return;
		for (const key of event.keysChanged) {
			const sender = /bench-(\d+)$/.exec(key);
			const seq = applied.get(key);
			if (sender && typeof seq === 'number') receives.push(docId, receiverIdx, Number(sender[1]) + 1, seq, t);
		}
	});
}

/**
 * Hocuspocus: records when remote changes arrive, as (client, new clock) pairs.
 * @param {Y.Doc} doc @param {number} docId @param {number} receiverIdx
 */
function watch(doc, docId, receiverIdx) {
	doc.on('afterTransaction', (/** @type {Y.Transaction} */ tr) => {
		if (tr.local) return;
		const t = nowUs();
		if (t < windowFrom) return;
		for (const [client, clock] of tr.afterState) {
			if (client === doc.clientID || clock <= (tr.beforeState.get(client) ?? 0)) continue;
			receives.push(docId, receiverIdx, client, clock, t);
		}
	});
}

/** @param {Person} person @param {number} epochUs */
async function join(person, epochUs) {
	const { plan } = person;
	const startedUs = nowUs();
	const docNames = plan.docs.map((id) => /** @type {import('./plan.js').DocPlan} */ (input.docs[id]).name);
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
			const response = await fetch(`${input.url}/api/workshops/${workshop.code}/participants`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ displayName: `Deltagare ${plan.idx}`, sector: plan.sector })
			});
			if (response.status !== 201) throw new Error(`join ${response.status}: ${await response.text()}`);
			const joined = /** @type {{ participantId: string, session: string }} */ (await response.json());
			phases.httpUs = nowUs() - startedUs;
			participantId = joined.participantId;
			credentials = { participant: joined.session };
		}
		person.client = new DatadialogClient({
			url: input.url,
			workshop: workshop.id,
			clientId: commandClientOf(plan.idx),
			...credentials,
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
			onDisconnect: () => !stopped && counters.disconnects++
		});
	}
	const client = person.client;
	await client.connected(input.syncTimeoutMs);
	phases.connectUs = nowUs() - startedUs - phases.httpUs;
	if (client instanceof DatadialogClient && client.transportOpenAtUs) {
		phases.transportUs = client.transportOpenAtUs - startedUs - phases.httpUs;
	}
	for (const [i, id] of plan.docs.entries()) {
		const doc = client.open(/** @type {string} */ (docNames[i]));
		person.docs.set(id, doc);
		person.names.set(id, /** @type {string} */ (docNames[i]));
		if (client instanceof DatadialogClient) watchApplied(doc, id, plan.idx);
		else watch(doc, id, plan.idx);
	}
	// Every Datadialog page also follows the method's shared state (phase, timer, vote progress).
	if (client instanceof DatadialogClient) client.open('control');
	await client.whenSynced(/** @type {string} */ (docNames[0]), input.syncTimeoutMs);
	const joinUs = nowUs() - startedUs;
	phases.syncUs = joinUs - phases.httpUs - phases.connectUs;
	await Promise.all(docNames.map((name) => client.whenSynced(name, input.syncTimeoutMs)));
	port.postMessage({ type: 'joined', idx: plan.idx, wave: plan.wave ?? 0, joinUs, phases, lateUs: startedUs - (epochUs + plan.startAtMs * 1000) });

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
	let sender = doc.clientID;
	let clock;
	if (client instanceof DatadialogClient && command) {
		sender = plan.idx + 1;
		clock = client.edit(/** @type {string} */ (person.names.get(id)), command);
	} else {
		const before = Y.getState(doc.store, doc.clientID);
		if (command) applyLocally(doc, command, { authorId: person.participantId, sector: plan.sector });
		clock = Y.getState(doc.store, doc.clientID);
		if (command && clock === before) return;
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
	if (!canvas) return null;
	behaviour.castDot(canvas, cardId);
	return { doc: canvas, kind: 'vote' };
}

port.on('message', (/** @type {{ type: string, epochUs?: number, fromUs?: number, toUs?: number, wave?: number }} */ message) => {
	switch (message.type) {
		case 'start': {
			const epochUs = message.epochUs ?? nowUs();
			const wave = message.wave ?? 0;
			for (const plan of input.clients) {
				if ((plan.wave ?? 0) !== wave) continue;
				/** @type {Person} */
				const person = { plan, client: null, docs: new Map(), names: new Map(), participantId: `p${plan.idx}`, behaviour: null, timer: null };
				people.push(person);
				const delayMs = Math.max(0, (epochUs - nowUs()) / 1000 + plan.startAtMs);
				setTimeout(() => {
					join(person, epochUs).catch((/** @type {unknown} */ error) =>
						port.postMessage({ type: 'join-failed', idx: plan.idx, error: String(error) })
					);
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
			const hocuspocusUnsynced = people.reduce(
				(n, p) => n + (p.client instanceof HocuspocusClient ? p.client.unsynced() : 0),
				0
			);
			const sendArray = Float64Array.from(sends);
			const receiveArray = Float64Array.from(receives);
			const ackArray = Float64Array.from(ackLatenciesUs);
			const voteArray = Float64Array.from(voteLatenciesUs);
			port.postMessage(
				{
					type: 'report',
					sends: sendArray,
					receives: receiveArray,
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
				[sendArray.buffer, receiveArray.buffer, ackArray.buffer, voteArray.buffer]
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
