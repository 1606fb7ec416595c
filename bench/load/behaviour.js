// What a simulated person does on the shared documents, in the Yjs layout of
// src/lib/sync/schema.ts, cards.ts and map.ts: cards are entries of the root Y.Map
// 'cards' (nested Y.Map: authorId, id, kind, text, sector, createdAt); map factors are
// entries of the root Y.Map 'factors' (nested Y.Map: authorId, sector, label, kind, x, y).
// Every change is one transaction, as the app's commands do. Card kinds must be open in
// the workshop's current phase: bench/run.js moves every Datadialog workshop to the last
// card phase ('nasta-steg') first, so all four columns accept cards.
import * as Y from 'yjs';

const CARD_KINDS = /** @type {const} */ (['samverkan', 'onskvard', 'tillganglig', 'nasta-steg']);

const CARD_TEXTS = [
	'Andel elever som känner sig trygga i skolan, per årskurs',
	'Hur många unga söker sig till fritidsgården en vanlig kväll?',
	'Orosanmälningar till socialtjänsten, fördelat på ålder och kön',
	'Vi behöver veta mer om ungas sömn och skärmtid',
	'Polisens lägesbild över platser där unga samlas på helgerna',
	'Elevhälsans besök: vilka frågor tar unga upp oftast?',
	'Föreningar som når unga som inte går på fritidsgården',
	'Samverka med BUP om väntetider och remissflöden',
	'Ta fram data om frånvaro och koppla till trivsel',
	'Nästa steg: gemensam träff med skola, fritid och polis i vår'
];

const FACTOR_LABELS = ['Trygghet', 'Skolnärvaro', 'Sömn', 'Fritidsaktiviteter', 'Psykisk hälsa', 'Framtidstro', 'Föräldrastöd'];

/**
 * @typedef {'card-add' | 'card-edit' | 'factor-add' | 'factor-move' | 'vote'} ActionKind
 */
export const ACTION_KINDS = /** @type {const} */ (['card-add', 'card-edit', 'factor-add', 'factor-move', 'vote']);

/** The wishes everyone votes on: the facilitator writes them before the run (bench/run.js). */
export const VOTE_WISHES = [
	{ id: 'onskvard-trygghet', text: 'Andel elever i årskurs 9 som känner sig trygga i skolan' },
	{ id: 'onskvard-fritid', text: 'Hur många unga deltar i föreningslivet, per stadsdel?' },
	{ id: 'onskvard-oro', text: 'Orosanmälningar för barn 13–17 år, över tid' },
	{ id: 'onskvard-somn', text: 'Ungas sömn och skärmtid, enligt elevhälsans enkät' },
	{ id: 'onskvard-narvaro', text: 'Frånvaro i grundskolan kopplad till trivsel' }
];
/** Dots per person: each person spends them over the run. */
export const VOTE_BUDGET = 5;
/** Share of actions that are a dot, while the person has dots left. */
const VOTE_SHARE = 0.1;

/**
 * Writes one entry (a card, a factor) as the app's schema has it: a nested Y.Map under
 * `key` in the root map `root`. Call it inside a transaction to make one update.
 * @param {Y.Doc} doc @param {string} root @param {string} key @param {Record<string, unknown>} fields
 */
export function putEntry(doc, root, key, fields) {
	const entry = new Y.Map();
	for (const [field, value] of Object.entries(fields)) entry.set(field, value);
	doc.getMap(root).set(key, entry);
}

/**
 * One person's behaviour. `random` is the person's own seeded generator, so the same
 * plan produces the same choices against both servers (as far as timing allows).
 */
export class Behaviour {
	/** @type {string[]} */
	#ownCards = [];
	#revision = 0;
	#factorCount = 0;
	#dots = 0;

	/**
	 * @param {{ participantId: string, sector: string, canvas: Y.Doc | null, map: Y.Doc | null, random: () => number }} options
	 */
	constructor(options) {
		this.options = options;
	}

	/** A realistic pause before the next action: 2–5 s with jitter. */
	pauseMs() {
		return 2000 + Math.floor(this.options.random() * 3000);
	}

	/**
	 * Does one thing and says on which document, or asks for a dot on a wish: the caller
	 * casts it the way its server takes votes (a command, or a write with `castDot`).
	 * @returns {{ doc: Y.Doc, kind: ActionKind } | { kind: 'vote', cardId: string } | null}
	 */
	act() {
		const { canvas, map, random } = this.options;
		if (this.#dots < VOTE_BUDGET && random() < VOTE_SHARE) {
			this.#dots++;
			return { kind: 'vote', cardId: VOTE_WISHES[Math.floor(random() * VOTE_WISHES.length)]?.id ?? '' };
		}
		const r = random();
		const wantsMap = map !== null && (canvas === null || r >= 0.7);
		if (wantsMap && map) return { doc: map, kind: this.#onMap(map) };
		if (!canvas) return null;
		if (this.#ownCards.length === 0 || (r < 0.25 && this.#ownCards.length < 12)) {
			this.#addCard(canvas);
			return { doc: canvas, kind: 'card-add' };
		}
		this.#editCard(canvas);
		return { doc: canvas, kind: 'card-edit' };
	}

	/**
	 * A dot as a plain Yjs write, for a server without server-side ballots (Hocuspocus):
	 * everyone in the document receives it.
	 * @param {Y.Doc} canvas @param {string} cardId
	 */
	castDot(canvas, cardId) {
		canvas.transact(() => canvas.getMap('dots').set(`${this.options.participantId}-${this.#dots}`, cardId));
	}

	/** @param {Y.Doc} canvas */
	#addCard(canvas) {
		const { participantId, sector, random } = this.options;
		const id = `${participantId.slice(0, 12)}-${this.#ownCards.length + 1}`;
		const kind = CARD_KINDS[Math.floor(random() * CARD_KINDS.length)] ?? 'onskvard';
		canvas.transact(() => putEntry(canvas, 'cards', id, { authorId: participantId, id, kind, text: this.#text(), sector, createdAt: new Date().toISOString() }));
		this.#ownCards.push(id);
	}

	/** @param {Y.Doc} canvas */
	#editCard(canvas) {
		const id = this.#ownCards[Math.floor(this.options.random() * this.#ownCards.length)];
		const entry = canvas.getMap('cards').get(id ?? '');
		if (!(entry instanceof Y.Map)) return this.#addCard(canvas);
		canvas.transact(() => entry.set('text', this.#text()));
	}

	#text() {
		const base = CARD_TEXTS[Math.floor(this.options.random() * CARD_TEXTS.length)] ?? 'Kort';
		return `${base} (v${++this.#revision})`;
	}

	/**
	 * Moves a factor anyone wrote (the map policy lets everyone move factors); adds one of
	 * one's own first when the map is empty, and now and then later on.
	 * @param {Y.Doc} map
	 * @returns {ActionKind}
	 */
	#onMap(map) {
		const { participantId, sector, random } = this.options;
		const factors = map.getMap('factors');
		if (factors.size === 0 || (this.#factorCount < 2 && random() < 0.15)) {
			const id = `${participantId.slice(0, 12)}-f${++this.#factorCount}`;
			const label = FACTOR_LABELS[Math.floor(random() * FACTOR_LABELS.length)] ?? 'Faktor';
			const position = { x: Math.round(random() * 800), y: Math.round(random() * 500) };
			map.transact(() => putEntry(map, 'factors', id, { authorId: participantId, sector, label, kind: 'faktor', ...position }));
			return 'factor-add';
		}
		const keys = [...factors.keys()];
		const factor = factors.get(keys[Math.floor(random() * keys.length)] ?? '');
		if (!(factor instanceof Y.Map)) return 'factor-move';
		map.transact(() => {
			factor.set('x', Math.round(random() * 800));
			factor.set('y', Math.round(random() * 500));
		});
		return 'factor-move';
	}
}
