// Joins the edits sent with the changes received, over all generator threads.
import { ACTION_KINDS } from './behaviour.js';
import { summarise } from './stats.js';

const SEND_FIELDS = 6; // docId, senderIdx, client, clock, tUs, actionKind
const RECEIVE_FIELDS = 5; // docId, receiverIdx, client, clock, tUs
const MAPPING_FIELDS = 5; // docId, senderIdx, seq, client, clock (Datadialog)

/**
 * @typedef {object} LatencyResult
 * @property {number} edits         edits sent in the measured window
 * @property {number} deliveries    (edit, receiver) pairs that arrived
 * @property {number} missing       (edit, receiver) pairs that never arrived
 * @property {ReturnType<typeof summarise>} toAll     per edit: the slowest participant receiver (ms)
 * @property {ReturnType<typeof summarise>} pairs     every (edit, participant receiver) pair (ms)
 * @property {ReturnType<typeof summarise> | null} plenary  per edit: the facilitator's plenary view (ms)
 * @property {Record<string, ReturnType<typeof summarise>>} byAction  toAll per action kind
 */

/**
 * `fromUs`/`toUs` keep only edits sent in that interval, `docFilter` only edits on the
 * documents it accepts (the storm scenario reports the active workshops per phase).
 * `mappings` (Datadialog): sends carry (sender, seq) instead of (client, clock), and each
 * is translated to the server's Yjs item that recorded the first seq ≥ it in `applied`
 * (the server may apply several of a sender's commands in one transaction).
 * @param {{ sends: Float64Array[], receives: Float64Array[], mappings?: Float64Array[] | null, plan: import('./plan.js').Plan, fromUs?: number, toUs?: number, docFilter?: (doc: import('./plan.js').DocPlan) => boolean }} input
 * @returns {LatencyResult}
 */
export function analyse({ sends, receives, mappings = null, plan, fromUs = -Infinity, toUs = Infinity, docFilter = () => true }) {
	/** @type {Map<string, { seqs: number[], clients: number[], clocks: number[] }> | null} */
	let bySender = null;
	if (mappings) {
		/** @type {Map<string, [number, number, number][]>} */
		const lists = new Map();
		for (const records of mappings) {
			for (let i = 0; i + MAPPING_FIELDS <= records.length; i += MAPPING_FIELDS) {
				const key = `${records[i]}|${records[i + 1]}`;
				let list = lists.get(key);
				if (!list) lists.set(key, (list = []));
				list.push([/** @type {number} */ (records[i + 2]), /** @type {number} */ (records[i + 3]), /** @type {number} */ (records[i + 4])]);
			}
		}
		bySender = new Map();
		for (const [key, list] of lists) {
			list.sort((a, b) => a[0] - b[0] || a[2] - b[2]);
			bySender.set(key, { seqs: list.map((m) => m[0]), clients: list.map((m) => m[1]), clocks: list.map((m) => m[2]) });
		}
	}
	/** @type {Map<string, { clocks: number[], times: number[] }>} */
	const arrivals = new Map();
	for (const records of receives) {
		for (let i = 0; i + RECEIVE_FIELDS <= records.length; i += RECEIVE_FIELDS) {
			const key = `${records[i]}|${records[i + 1]}|${records[i + 2]}`;
			let entry = arrivals.get(key);
			if (!entry) arrivals.set(key, (entry = { clocks: [], times: [] }));
			entry.clocks.push(/** @type {number} */ (records[i + 3]));
			entry.times.push(/** @type {number} */ (records[i + 4]));
		}
	}
	// Each receiver applies a sender's changes in clock order, so the lists are sorted by clock.
	const facilitators = new Set(plan.clients.filter((c) => c.role === 'facilitator').map((c) => c.idx));

	/** @type {number[]} */
	const toAll = [];
	/** @type {number[]} */
	const pairs = [];
	/** @type {number[]} */
	const plenary = [];
	/** @type {number[][]} */
	const byAction = ACTION_KINDS.map(() => []);
	let edits = 0;
	let deliveries = 0;
	let missing = 0;
	for (const records of sends) {
		for (let i = 0; i + SEND_FIELDS <= records.length; i += SEND_FIELDS) {
			const docId = /** @type {number} */ (records[i]);
			const sender = records[i + 1];
			let client = records[i + 2];
			let clock = /** @type {number} */ (records[i + 3]);
			const sentUs = /** @type {number} */ (records[i + 4]);
			const action = /** @type {number} */ (records[i + 5]);
			const doc = plan.docs[docId];
			if (!doc || sentUs < fromUs || sentUs >= toUs || !docFilter(doc)) continue;
			edits++;
			if (bySender) {
				const applied = bySender.get(`${docId}|${sender}`);
				const at = applied ? firstAtLeast(applied.seqs, clock) : -1;
				if (!applied || at < 0) {
					missing += doc.members.filter((m) => m !== sender).length; // the server never applied it where anyone saw
					continue;
				}
				client = applied.clients[at];
				clock = /** @type {number} */ (applied.clocks[at]);
			}
			let slowest = -1;
			for (const receiver of doc.members) {
				if (receiver === sender) continue;
				const entry = arrivals.get(`${docId}|${receiver}|${client}`);
				const at = entry ? firstAtLeast(entry.clocks, clock) : -1;
				if (!entry || at < 0) {
					missing++;
					continue;
				}
				deliveries++;
				const arrivedUs = /** @type {number} */ (entry.times[at]);
				const ms = (arrivedUs - sentUs) / 1000;
				if (facilitators.has(receiver)) {
					plenary.push(ms);
				} else {
					pairs.push(ms);
					if (ms > slowest) slowest = ms;
				}
			}
			if (slowest >= 0) {
				toAll.push(slowest);
				byAction[action]?.push(slowest);
			}
		}
	}
	/** @type {Record<string, ReturnType<typeof summarise>>} */
	const actions = {};
	ACTION_KINDS.forEach((kind, i) => {
		const values = byAction[i] ?? [];
		if (values.length) actions[kind] = summarise(values);
	});
	return {
		edits,
		deliveries,
		missing,
		toAll: summarise(toAll),
		pairs: summarise(pairs),
		plenary: facilitators.size ? summarise(plenary) : null,
		byAction: actions
	};
}

/** Index of the first value ≥ target in an ascending array, or -1. @param {number[]} values @param {number} target */
function firstAtLeast(values, target) {
	let lo = 0;
	let hi = values.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (/** @type {number} */ (values[mid]) < target) lo = mid + 1;
		else hi = mid;
	}
	return lo < values.length ? lo : -1;
}
