// Builds the load plan: which simulated person is in which workshop, which documents
// each one opens and writes, and when each one joins. The same plan (same seed) drives
// both servers, so Datadialog and Hocuspocus see the same documents, edits and pauses.
import { rng } from './stats.js';

export const SECTORS = /** @type {const} */ ([
	'socialtjanst',
	'skola',
	'fritid',
	'polis',
	'halso-sjukvard',
	'civilsamhalle',
	'annan-kommunal',
	'annat'
]);

/**
 * @typedef {object} DocPlan
 * @property {number} id        index into Plan.docs
 * @property {number} workshop  index into the run's workshops
 * @property {string} name      Datadialog document name (`canvas:plenary`, `map:plenary`, `canvas:grupp-3`)
 * @property {'canvas' | 'map'} kind
 * @property {number[]} members client indexes that open this document
 * @property {number} [wave]    scenario `storm`: 1 for the joiners' workshops
 */

/**
 * @typedef {object} ClientPlan
 * @property {number} idx
 * @property {number} workshop
 * @property {'participant' | 'facilitator'} role
 * @property {string} sector
 * @property {number[]} docs        documents opened (the first one is the one join time waits for)
 * @property {number | null} canvas document this person writes cards on
 * @property {number | null} map    document this person moves factors on
 * @property {number} startAtMs     join offset within the ramp (of its wave)
 * @property {number} seed
 * @property {number} [wave]        0 (default): joins at the start; 1: joins in the storm (scenario `storm`)
 */

/**
 * @typedef {object} Plan
 * @property {'workshops' | 'conference' | 'storm'} scenario
 * @property {number} participants
 * @property {number} workshops
 * @property {number} groups
 * @property {ClientPlan[]} clients
 * @property {DocPlan[]} docs
 */

/**
 * `workshops`: N participants round-robin over W workshops; everyone opens the plenary
 * canvas and the workshop's system map, writes and edits cards and moves factors.
 * @param {{ participants: number, workshops: number, rampMs: number, seed: number }} options
 * @returns {Plan}
 */
export function workshopsPlan(options) {
	const random = rng(options.seed);
	/** @type {DocPlan[]} */
	const docs = [];
	for (let w = 0; w < options.workshops; w++) {
		docs.push({ id: docs.length, workshop: w, name: 'canvas:plenary', kind: 'canvas', members: [] });
		docs.push({ id: docs.length, workshop: w, name: 'map:plenary', kind: 'map', members: [] });
	}
	/** @type {ClientPlan[]} */
	const clients = [];
	for (let i = 0; i < options.participants; i++) {
		const w = i % options.workshops;
		const canvas = w * 2;
		const map = w * 2 + 1;
		clients.push({
			idx: i,
			workshop: w,
			role: 'participant',
			sector: SECTORS[Math.floor(random() * SECTORS.length)] ?? 'annat',
			docs: [canvas, map],
			canvas,
			map,
			startAtMs: Math.floor(random() * options.rampMs),
			seed: Math.floor(random() * 2 ** 31)
		});
		docs[canvas]?.members.push(i);
		docs[map]?.members.push(i);
	}
	return {
		scenario: 'workshops',
		participants: options.participants,
		workshops: options.workshops,
		groups: 0,
		clients,
		docs
	};
}

/**
 * Documents one Datadialog connection may have open (MAX_OPEN_DOCS in
 * src/lib/sync/protocol.ts), less the `control` document every page follows.
 */
export const PLENARY_DOCS_PER_CONNECTION = 200 - 1;

/**
 * `conference`: one workshop, N participants in groups of five, each group writing on
 * its own `canvas:grupp-<n>`; the facilitator's plenary view opens every group canvas.
 * A Datadialog connection may have at most 200 documents open, so with more than 199
 * groups the plenary view is split evenly over as many facilitator connections as needed
 * (200 groups: two connections of 100 canvases each), all of them measured as the
 * plenary view; Hocuspocus gets the same connections.
 * @param {{ participants: number, groupSize: number, rampMs: number, seed: number }} options
 * @returns {Plan}
 */
export function conferencePlan(options) {
	const random = rng(options.seed);
	const groups = Math.ceil(options.participants / options.groupSize);
	/** @type {DocPlan[]} */
	const docs = [];
	for (let g = 0; g < groups; g++) {
		docs.push({ id: g, workshop: 0, name: `canvas:grupp-${g + 1}`, kind: 'canvas', members: [] });
	}
	/** @type {ClientPlan[]} */
	const clients = [];
	for (let i = 0; i < options.participants; i++) {
		const g = i % groups;
		clients.push({
			idx: i,
			workshop: 0,
			role: 'participant',
			sector: SECTORS[Math.floor(random() * SECTORS.length)] ?? 'annat',
			docs: [g],
			canvas: g,
			map: null,
			startAtMs: Math.floor(random() * options.rampMs),
			seed: Math.floor(random() * 2 ** 31)
		});
		docs[g]?.members.push(i);
	}
	const views = Math.ceil(groups / PLENARY_DOCS_PER_CONNECTION);
	const perView = Math.ceil(groups / views);
	for (let v = 0; v < views; v++) {
		const facilitator = options.participants + v;
		const viewed = docs.slice(v * perView, (v + 1) * perView);
		clients.push({
			idx: facilitator,
			workshop: 0,
			role: 'facilitator',
			sector: 'annat',
			docs: viewed.map((d) => d.id),
			canvas: null,
			map: null,
			startAtMs: 0,
			seed: 1 + v
		});
		for (const doc of viewed) doc.members.push(facilitator);
	}
	return { scenario: 'conference', participants: options.participants, workshops: 1, groups, clients, docs };
}

/**
 * `storm`: `participants` people active in `workshops` workshops (as `workshops`), then
 * `joiners` more join `joinerWorkshops` further workshops within `stormMs` (wave 1,
 * started by bench/run.js during the measured window). The joiners act like everyone
 * else once joined; latency is reported for the first workshops' documents only.
 * @param {{ participants: number, workshops: number, joiners: number, joinerWorkshops: number, rampMs: number, stormMs: number, seed: number }} options
 * @returns {Plan}
 */
export function stormPlan(options) {
	const base = workshopsPlan({
		participants: options.participants,
		workshops: options.workshops,
		rampMs: options.rampMs,
		seed: options.seed
	});
	const random = rng(options.seed + 1);
	const { docs, clients } = base;
	for (let w = 0; w < options.joinerWorkshops; w++) {
		const workshop = options.workshops + w;
		docs.push({ id: docs.length, workshop, name: 'canvas:plenary', kind: 'canvas', members: [], wave: 1 });
		docs.push({ id: docs.length, workshop, name: 'map:plenary', kind: 'map', members: [], wave: 1 });
	}
	for (let j = 0; j < options.joiners; j++) {
		const i = options.participants + j;
		const w = j % options.joinerWorkshops;
		const canvas = (options.workshops + w) * 2;
		const map = canvas + 1;
		clients.push({
			idx: i,
			workshop: options.workshops + w,
			role: 'participant',
			sector: SECTORS[Math.floor(random() * SECTORS.length)] ?? 'annat',
			docs: [canvas, map],
			canvas,
			map,
			startAtMs: Math.floor(random() * options.stormMs),
			seed: Math.floor(random() * 2 ** 31),
			wave: 1
		});
		docs[canvas]?.members.push(i);
		docs[map]?.members.push(i);
	}
	return {
		...base,
		scenario: 'storm',
		participants: options.participants + options.joiners,
		workshops: options.workshops + options.joinerWorkshops,
		clients,
		docs
	};
}
