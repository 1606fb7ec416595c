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
 * @property {number} startAtMs     join offset within the ramp
 * @property {number} seed
 */

/**
 * @typedef {object} Plan
 * @property {'workshops' | 'conference'} scenario
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
 * `conference`: one workshop, N participants in groups of five, each group writing on
 * its own `canvas:grupp-<n>`; one facilitator with the plenary view opens every group canvas.
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
	const facilitator = options.participants;
	clients.push({
		idx: facilitator,
		workshop: 0,
		role: 'facilitator',
		sector: 'annat',
		docs: docs.map((d) => d.id),
		canvas: null,
		map: null,
		startAtMs: 0,
		seed: 1
	});
	for (const doc of docs) doc.members.push(facilitator);
	return { scenario: 'conference', participants: options.participants, workshops: 1, groups, clients, docs };
}
