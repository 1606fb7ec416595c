// What a simulated person does on the shared documents, as the commands Datadialog takes
// (src/lib/sync/doc-commands.ts): `card.add`, `card.edit`, `factor.add`, `factor.move`.
// Datadialog receives the command and the server writes; against Hocuspocus the same
// change is written straight into the document with `applyLocally`, in the Yjs layout of
// src/lib/sync/cards.ts and map.ts (nested Y.Maps per card and factor), one transaction
// per change. Card kinds must be open in the workshop's current phase: bench/run.js moves
// every Datadialog workshop to the last card phase ('nasta-steg') first.
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
function putEntry(doc, root, key, fields) {
	const entry = new Y.Map();
	for (const [field, value] of Object.entries(fields)) entry.set(field, value);
	doc.getMap(root).set(key, entry);
}

/**
 * @typedef {{ type: 'card.add', id: string, kind: string, text: string }
 *   | { type: 'card.edit', id: string, text: string }
 *   | { type: 'factor.add', factors: { id: string, label: string, kind: 'faktor', x: number, y: number }[] }
 *   | { type: 'factor.move', positions: { id: string, x: number, y: number }[] }} Command
 */

/**
 * A command written straight into a document, as a server without commands needs it
 * (Hocuspocus): what Datadialog's server does after its checks, one transaction.
 * @param {Y.Doc} doc @param {Command} command @param {{ authorId: string, sector: string }} author
 */
export function applyLocally(doc, command, author) {
	doc.transact(() => {
		switch (command.type) {
			case 'card.add':
				putEntry(doc, 'cards', command.id, {
					...author,
					id: command.id,
					kind: command.kind,
					text: command.text,
					createdAt: new Date().toISOString()
				});
				return;
			case 'card.edit': {
				const entry = doc.getMap('cards').get(command.id);
				if (entry instanceof Y.Map) entry.set('text', command.text);
				return;
			}
			case 'factor.add':
				for (const { id, ...fields } of command.factors) putEntry(doc, 'factors', id, { ...author, ...fields });
				return;
			case 'factor.move':
				for (const { id, x, y } of command.positions) {
					const entry = doc.getMap('factors').get(id);
					if (!(entry instanceof Y.Map)) continue;
					entry.set('x', x);
					entry.set('y', y);
				}
		}
	});
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
	 * Chooses one thing to do: a command on a document, or a dot on a wish, which the
	 * caller casts the way its server takes votes (a command, or a write with `castDot`).
	 * @returns {{ doc: Y.Doc, kind: ActionKind, command: Command } | { kind: 'vote', cardId: string } | null}
	 */
	act() {
		const { canvas, map, random } = this.options;
		if (this.#dots < VOTE_BUDGET && random() < VOTE_SHARE) {
			this.#dots++;
			return { kind: 'vote', cardId: VOTE_WISHES[Math.floor(random() * VOTE_WISHES.length)]?.id ?? '' };
		}
		const r = random();
		const wantsMap = map !== null && (canvas === null || r >= 0.7);
		if (wantsMap && map) return { doc: map, ...this.#onMap(map) };
		if (!canvas) return null;
		if (this.#ownCards.length === 0 || (r < 0.25 && this.#ownCards.length < 12))
			return { doc: canvas, kind: 'card-add', command: this.#addCard() };
		const id = this.#ownCards[Math.floor(this.options.random() * this.#ownCards.length)] ?? '';
		// Not stored yet (its answer is on the way): add another instead.
		if (!canvas.getMap('cards').has(id)) return { doc: canvas, kind: 'card-add', command: this.#addCard() };
		return { doc: canvas, kind: 'card-edit', command: { type: 'card.edit', id, text: this.#text() } };
	}

	/**
	 * A dot as a plain Yjs write, for a server without server-side ballots (Hocuspocus):
	 * everyone in the document receives it.
	 * @param {Y.Doc} canvas @param {string} cardId
	 */
	castDot(canvas, cardId) {
		canvas.transact(() => canvas.getMap('dots').set(`${this.options.participantId}-${this.#dots}`, cardId));
	}

	/** @returns {Command} */
	#addCard() {
		const { participantId, random } = this.options;
		const id = `${participantId.slice(0, 12)}-${this.#ownCards.length + 1}`;
		const kind = CARD_KINDS[Math.floor(random() * CARD_KINDS.length)] ?? 'onskvard';
		this.#ownCards.push(id);
		return { type: 'card.add', id, kind, text: this.#text() };
	}

	#text() {
		const base = CARD_TEXTS[Math.floor(this.options.random() * CARD_TEXTS.length)] ?? 'Kort';
		return `${base} (v${++this.#revision})`;
	}

	/**
	 * Moves a factor anyone wrote (the map policy lets everyone move factors); adds one of
	 * one's own first when the map is empty, and now and then later on.
	 * @param {Y.Doc} map
	 * @returns {{ kind: ActionKind, command: Command }}
	 */
	#onMap(map) {
		const { participantId, random } = this.options;
		const factors = map.getMap('factors');
		if (factors.size === 0 || (this.#factorCount < 2 && random() < 0.15)) {
			const id = `${participantId.slice(0, 12)}-f${++this.#factorCount}`;
			const label = FACTOR_LABELS[Math.floor(random() * FACTOR_LABELS.length)] ?? 'Faktor';
			const position = { x: Math.round(random() * 800), y: Math.round(random() * 500) };
			return { kind: 'factor-add', command: { type: 'factor.add', factors: [{ id, label, kind: 'faktor', ...position }] } };
		}
		const keys = [...factors.keys()];
		const id = keys[Math.floor(random() * keys.length)] ?? '';
		return {
			kind: 'factor-move',
			command: { type: 'factor.move', positions: [{ id, x: Math.round(random() * 800), y: Math.round(random() * 500) }] }
		};
	}
}
