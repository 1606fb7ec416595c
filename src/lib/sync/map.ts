import * as Y from 'yjs';
import {
	FACTOR_LABEL_MAX,
	FACTOR_NOTE_MAX,
	LINK_LABEL_MAX,
	MAP_TITLE_MAX,
	THEME_IDS,
	checkLabel,
	isFactorKind,
	isFactorTag,
	isPolarity,
	isPreventionLevel,
	isValidId,
	type Factor,
	type FactorKind,
	type FactorTag,
	type Link,
	type LoopKind,
	type LoopStory,
	type Polarity,
	type PreventionLevel,
	type SystemMap,
	type ThemeId
} from '$lib/domain/systemmap';
import { LOOP_NAME_MAX, LOOP_STORY_MAX, type MapBoard } from '$lib/domain/systemmap/commands';
import { parseDocName } from '$lib/domain/workshop/documents';
import { isSector, type Sector } from '$lib/domain/workshop/sectors';
import { entryTotal } from './entry-counts';

/**
 * System-map commands over a `map:<id>` document. Factors, links and loop stories
 * are nested Y.Maps keyed by their id, each carrying `authorId` and `sector`, so
 * the server's update guard can tell whose entry it is and concurrent edits of
 * different fields (one person drags, another renames) both survive. `meta` holds
 * the title and theme and is written by the facilitator only.
 *
 * Commands validate their input and throw on a bad one: the UI checks first, so a
 * throw here is a programming error, never a user's typo reaching the document.
 */
export const PLENARY_MAP = 'map:plenary';

export interface MapAuthor {
	/** The participant's id, or 'facilitator'. */
	authorId: string;
	sector: Sector | 'facilitator';
}

export interface MapFactor extends Factor {
	authorId: string;
}

export interface MapLink extends Link {
	authorId: string;
	sector?: Sector;
}

export interface StoredLoopStory extends LoopStory {
	/** Key of the entry in the document; stays the same when the story follows a redrawn loop. */
	id: string;
	authorId: string;
}

/** Everything a map document holds, as plain data; `factors` and `links` make it a domain SystemMap. */
export interface MapSnapshot extends SystemMap {
	title: string | null;
	themeId: ThemeId | null;
	factors: MapFactor[];
	links: MapLink[];
	stories: StoredLoopStory[];
}

export interface NewFactor {
	id: string;
	label: string;
	kind: FactorKind;
	note?: string;
	indicatorId?: string;
	tag?: FactorTag;
	level?: PreventionLevel;
	x?: number;
	y?: number;
	pinned?: boolean;
}

export interface NewLink {
	id: string;
	from: string;
	to: string;
	polarity: Polarity;
	delay?: boolean;
	label?: string;
}

export interface Position {
	id: string;
	x: number;
	y: number;
}

type Entry = Y.Map<unknown>;

/** `map:<mapId>` for a valid map id ('plenary', a group id, an imported map's id), else null. */
export function mapDocName(mapId: string): string | null {
	const parsed = parseDocName(`map:${mapId}`);
	return parsed?.kind === 'map' ? `map:${parsed.sub}` : null;
}

/** The map id of a `map:<id>` document name, or null for any other name. */
export function mapIdOf(docName: string): string | null {
	const parsed = parseDocName(docName);
	return parsed?.kind === 'map' ? parsed.sub : null;
}

const factorsOf = (doc: Y.Doc) => doc.getMap<Entry>('factors');
const linksOf = (doc: Y.Doc) => doc.getMap<Entry>('links');
const loopsOf = (doc: Y.Doc) => doc.getMap<Entry>('loops');
const metaOf = (doc: Y.Doc) => doc.getMap<unknown>('meta');

export function addFactor(doc: Y.Doc, input: { factor: NewFactor; author: MapAuthor }, origin: unknown): void {
	addFactors(doc, { factors: [input.factor], author: input.author }, origin);
}

/** Adds several factors in one transaction (starter factors, an import); an id already on the map is skipped. */
export function addFactors(doc: Y.Doc, input: { factors: readonly NewFactor[]; author: MapAuthor }, origin: unknown): void {
	input.factors.forEach(checkNewFactor);
	doc.transact(() => {
		const factors = factorsOf(doc);
		for (const factor of input.factors) {
			if (factors.has(factor.id)) continue;
			const entry = authoredEntry(input.author);
			entry.set('label', factor.label.trim());
			entry.set('kind', factor.kind);
			if (factor.note?.trim()) entry.set('note', factor.note.trim());
			if (factor.indicatorId) entry.set('indicatorId', factor.indicatorId);
			if (factor.tag) entry.set('tag', factor.tag);
			if (factor.level) entry.set('level', factor.level);
			if (factor.x !== undefined && factor.y !== undefined) {
				entry.set('x', round(factor.x));
				entry.set('y', round(factor.y));
			}
			if (factor.pinned) entry.set('pinned', true);
			factors.set(factor.id, entry);
		}
	}, origin);
}

/** Moves factors that still exist (one deleted meanwhile stays deleted); `pin` also pins them where they land. */
export function moveFactors(doc: Y.Doc, input: { positions: readonly Position[]; pin?: boolean }, origin: unknown): void {
	for (const { x, y } of input.positions) {
		if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error('a position must be finite');
	}
	doc.transact(() => {
		const factors = factorsOf(doc);
		for (const { id, x, y } of input.positions) {
			const entry = factors.get(id);
			if (!(entry instanceof Y.Map)) continue;
			if (entry.get('x') !== round(x)) entry.set('x', round(x));
			if (entry.get('y') !== round(y)) entry.set('y', round(y));
			if (input.pin && entry.get('pinned') !== true) entry.set('pinned', true);
		}
	}, origin);
}

export function setPinned(doc: Y.Doc, input: { id: string; pinned: boolean }, origin: unknown): void {
	doc.transact(() => {
		const entry = factorsOf(doc).get(input.id);
		if (!(entry instanceof Y.Map)) return;
		if (input.pinned) entry.set('pinned', true);
		else entry.delete('pinned');
	}, origin);
}

/** Changes the given fields; an empty note or a null indicator removes it. */
export function updateFactor(
	doc: Y.Doc,
	input: { id: string; label?: string; kind?: FactorKind; note?: string; indicatorId?: string | null },
	origin: unknown
): void {
	if (input.label !== undefined) requireLabel(input.label, FACTOR_LABEL_MAX, 'factor label');
	if (input.kind !== undefined && !isFactorKind(input.kind)) throw new Error('unknown factor kind');
	if (input.note !== undefined && input.note.trim().length > FACTOR_NOTE_MAX) throw new Error('note is too-long');
	if (input.indicatorId && !isValidId(input.indicatorId)) throw new Error('invalid indicator id');
	doc.transact(() => {
		const entry = factorsOf(doc).get(input.id);
		if (!(entry instanceof Y.Map)) return;
		if (input.label !== undefined) entry.set('label', input.label.trim());
		if (input.kind !== undefined) entry.set('kind', input.kind);
		if (input.note !== undefined) setOptionalText(entry, 'note', input.note);
		if (input.indicatorId !== undefined) setOptionalText(entry, 'indicatorId', input.indicatorId ?? '');
	}, origin);
}

/** Removes a factor and every link to or from it, so no link is left pointing nowhere. */
export function removeFactor(doc: Y.Doc, id: string, origin: unknown): void {
	doc.transact(() => {
		const links = linksOf(doc);
		for (const [linkId, entry] of [...links.entries()]) {
			if (entry instanceof Y.Map && (entry.get('from') === id || entry.get('to') === id)) links.delete(linkId);
		}
		factorsOf(doc).delete(id);
	}, origin);
}

export function addLink(doc: Y.Doc, input: { link: NewLink; author: MapAuthor }, origin: unknown): void {
	const { link, author } = input;
	if (!isValidId(link.id) || !isValidId(link.from) || !isValidId(link.to)) throw new Error('invalid link id');
	if (!isPolarity(link.polarity)) throw new Error("polarity must be '+' or '-'");
	if (link.label !== undefined && link.label.trim().length > LINK_LABEL_MAX) throw new Error('link label is too-long');
	const factors = factorsOf(doc);
	if (!factors.has(link.from) || !factors.has(link.to)) throw new Error('a link must join two factors of the map');
	doc.transact(() => {
		const links = linksOf(doc);
		if (links.has(link.id)) return;
		const entry = authoredEntry(author);
		entry.set('from', link.from);
		entry.set('to', link.to);
		entry.set('polarity', link.polarity);
		if (link.delay) entry.set('delay', true);
		if (link.label?.trim()) entry.set('label', link.label.trim());
		links.set(link.id, entry);
	}, origin);
}

export function flipPolarity(doc: Y.Doc, id: string, origin: unknown): void {
	doc.transact(() => {
		const entry = linksOf(doc).get(id);
		if (entry instanceof Y.Map) entry.set('polarity', entry.get('polarity') === '-' ? '+' : '-');
	}, origin);
}

/** Changes the given fields; `delay: false` and an empty label remove them. */
export function updateLink(doc: Y.Doc, input: { id: string; polarity?: Polarity; delay?: boolean; label?: string }, origin: unknown): void {
	if (input.polarity !== undefined && !isPolarity(input.polarity)) throw new Error("polarity must be '+' or '-'");
	if (input.label !== undefined && input.label.trim().length > LINK_LABEL_MAX) throw new Error('link label is too-long');
	doc.transact(() => {
		const entry = linksOf(doc).get(input.id);
		if (!(entry instanceof Y.Map)) return;
		if (input.polarity !== undefined) entry.set('polarity', input.polarity);
		if (input.delay === true) entry.set('delay', true);
		if (input.delay === false) entry.delete('delay');
		if (input.label !== undefined) setOptionalText(entry, 'label', input.label);
	}, origin);
}

export function removeLink(doc: Y.Doc, id: string, origin: unknown): void {
	doc.transact(() => linksOf(doc).delete(id), origin);
}

/**
 * Names a loop and keeps its story. With the id of an existing story it updates
 * that entry, including the loop it belongs to, so a story that followed a redrawn
 * loop moves to the new key without deleting anything (which only its author could).
 */
export function setLoopStory(
	doc: Y.Doc,
	input: {
		id: string;
		loop: { key: string; factors: readonly string[]; kind: LoopKind };
		name: string;
		story: string;
		author: MapAuthor;
	},
	origin: unknown
): void {
	const { id, loop, name, story, author } = input;
	if (!isValidId(id)) throw new Error('invalid story id');
	requireLabel(name, LOOP_NAME_MAX, 'loop name');
	if (story.trim().length > LOOP_STORY_MAX) throw new Error('loop story is too-long');
	if (loop.kind !== 'R' && loop.kind !== 'B') throw new Error("loop kind must be 'R' or 'B'");
	doc.transact(() => {
		const loops = loopsOf(doc);
		const existing = loops.get(id);
		// A new entry is not in the document yet, so it is written whole; an existing one only where it changed.
		const entry = existing instanceof Y.Map ? existing : authoredEntry(author);
		const fields = { key: loop.key, factors: loop.factors.join(' '), kind: loop.kind, name: name.trim() };
		for (const [field, value] of Object.entries(fields)) {
			if (entry !== existing || entry.get(field) !== value) entry.set(field, value);
		}
		if (story.trim()) entry.set('story', story.trim());
		else if (entry === existing) entry.delete('story');
		if (entry !== existing) loops.set(id, entry);
	}, origin);
}

export function removeLoopStory(doc: Y.Doc, id: string, origin: unknown): void {
	doc.transact(() => loopsOf(doc).delete(id), origin);
}

/** Title and theme; the server accepts these only from the facilitator. */
export function setMapMeta(doc: Y.Doc, input: { title?: string; themeId?: ThemeId | null }, origin: unknown): void {
	if (input.title !== undefined && input.title.trim().length > MAP_TITLE_MAX) throw new Error('map title is too-long');
	if (input.themeId && !(THEME_IDS as readonly string[]).includes(input.themeId)) throw new Error('unknown theme');
	doc.transact(() => {
		const meta = metaOf(doc);
		if (input.title !== undefined) {
			if (input.title.trim()) meta.set('title', input.title.trim());
			else meta.delete('title');
		}
		if (input.themeId !== undefined) {
			if (input.themeId) meta.set('themeId', input.themeId);
			else meta.delete('themeId');
		}
	}, origin);
}

/** Writes a whole validated map (an import) into a document, in one transaction. */
export function writeMap(doc: Y.Doc, input: { map: SystemMap; title: string | null; author: MapAuthor }, origin: unknown): void {
	const { map, title, author } = input;
	doc.transact(() => {
		if (title) setMapMeta(doc, { title }, origin);
		for (const factor of map.factors) {
			const sector = factor.proposedBySector ?? author.sector;
			addFactor(doc, { factor, author: { authorId: author.authorId, sector } }, origin);
		}
		for (const link of map.links) addLink(doc, { link, author }, origin);
	}, origin);
}

/**
 * The document as plain data. Entries that are not well-formed are skipped, and so
 * are links whose factor is gone (a factor deleted while someone else linked to
 * it), so every view and export sees the same consistent map. Sorted by id: Y.Map
 * iteration order differs between replicas, the snapshot must not.
 */
export function readMap(doc: Y.Doc): MapSnapshot {
	const factors: MapFactor[] = [];
	for (const [id, entry] of factorsOf(doc).entries()) {
		const factor = entry instanceof Y.Map ? readFactor(id, entry) : null;
		if (factor) factors.push(factor);
	}
	const known = new Set(factors.map((factor) => factor.id));
	const links: MapLink[] = [];
	for (const [id, entry] of linksOf(doc).entries()) {
		const link = entry instanceof Y.Map ? readLink(id, entry) : null;
		if (link && known.has(link.from) && known.has(link.to)) links.push(link);
	}
	const stories: StoredLoopStory[] = [];
	for (const [id, entry] of loopsOf(doc).entries()) {
		const story = entry instanceof Y.Map ? readStory(id, entry) : null;
		if (story) stories.push(story);
	}
	const meta = metaOf(doc);
	const title = meta.get('title');
	const themeId = meta.get('themeId');
	return {
		title: typeof title === 'string' && title ? title : null,
		themeId: (THEME_IDS as readonly unknown[]).includes(themeId) ? (themeId as ThemeId) : null,
		factors: factors.sort(byId),
		links: links.sort(byId),
		stories: stories.sort(byId)
	};
}

/** Whether the map has a link with this id (even one whose factor is gone). */
export function hasLink(doc: Y.Doc, id: string): boolean {
	return linksOf(doc).has(id);
}

/** The map rules' view of a map document, read lazily so a check touches only what it needs. */
export function mapBoard(doc: Y.Doc): MapBoard {
	const authored = (entry: unknown) => (entry instanceof Y.Map ? { authorId: String(entry.get('authorId') ?? '') } : null);
	const linkOf = (entry: unknown) => {
		if (!(entry instanceof Y.Map)) return null;
		return { authorId: String(entry.get('authorId') ?? ''), from: String(entry.get('from') ?? ''), to: String(entry.get('to') ?? '') };
	};
	return {
		factor: (id) => authored(factorsOf(doc).get(id)),
		link: (id) => linkOf(linksOf(doc).get(id)),
		story: (id) => authored(loopsOf(doc).get(id)),
		linksOf: (factorId) =>
			[...linksOf(doc).values()].flatMap((entry) => linkOf(entry) ?? []).filter((link) => link.from === factorId || link.to === factorId),
		counts: () => ({ factors: entryTotal(factorsOf(doc)), links: entryTotal(linksOf(doc)), stories: entryTotal(loopsOf(doc)) })
	};
}

function authoredEntry(author: MapAuthor): Entry {
	const entry = new Y.Map<unknown>();
	entry.set('authorId', author.authorId);
	entry.set('sector', author.sector);
	return entry;
}

function checkNewFactor(factor: NewFactor): void {
	if (!isValidId(factor.id)) throw new Error('invalid factor id');
	requireLabel(factor.label, FACTOR_LABEL_MAX, 'factor label');
	if (!isFactorKind(factor.kind)) throw new Error('unknown factor kind');
	if (factor.note !== undefined && factor.note.trim().length > FACTOR_NOTE_MAX) throw new Error('note is too-long');
	if (factor.indicatorId !== undefined && !isValidId(factor.indicatorId)) throw new Error('invalid indicator id');
	for (const value of [factor.x, factor.y]) {
		if (value !== undefined && !Number.isFinite(value)) throw new Error('a position must be finite');
	}
}

function requireLabel(text: string, max: number, what: string): void {
	const problem = checkLabel(text, max);
	if (problem) throw new Error(`${what} is ${problem}`);
}

function setOptionalText(entry: Entry, field: string, text: string): void {
	if (text.trim()) entry.set(field, text.trim());
	else entry.delete(field);
}

function readFactor(id: string, entry: Entry): MapFactor | null {
	const label = entry.get('label');
	const kind = entry.get('kind');
	if (!isValidId(id) || typeof label !== 'string' || checkLabel(label, FACTOR_LABEL_MAX) || !isFactorKind(kind)) return null;
	const factor: MapFactor = { id, label, kind, authorId: String(entry.get('authorId') ?? '') };
	const note = entry.get('note');
	const indicatorId = entry.get('indicatorId');
	const sector = entry.get('sector');
	const x = entry.get('x');
	const y = entry.get('y');
	if (typeof note === 'string' && note && note.length <= FACTOR_NOTE_MAX) factor.note = note;
	if (isValidId(indicatorId)) factor.indicatorId = indicatorId;
	if (isSector(sector)) factor.proposedBySector = sector;
	const tag = entry.get('tag');
	const level = entry.get('level');
	if (isFactorTag(tag)) factor.tag = tag;
	if (isPreventionLevel(level)) factor.level = level;
	if (isFiniteNumber(x) && isFiniteNumber(y)) {
		factor.x = x;
		factor.y = y;
	}
	if (entry.get('pinned') === true) factor.pinned = true;
	return factor;
}

function readLink(id: string, entry: Entry): MapLink | null {
	const from = entry.get('from');
	const to = entry.get('to');
	const polarity = entry.get('polarity');
	if (!isValidId(id) || !isValidId(from) || !isValidId(to) || !isPolarity(polarity)) return null;
	const link: MapLink = { id, from, to, polarity, authorId: String(entry.get('authorId') ?? '') };
	const label = entry.get('label');
	const sector = entry.get('sector');
	if (entry.get('delay') === true) link.delay = true;
	if (typeof label === 'string' && label && label.length <= LINK_LABEL_MAX) link.label = label;
	if (isSector(sector)) link.sector = sector;
	return link;
}

function readStory(id: string, entry: Entry): StoredLoopStory | null {
	const key = entry.get('key');
	const name = entry.get('name');
	const factors = entry.get('factors');
	const kind = entry.get('kind');
	if (typeof key !== 'string' || !key || typeof name !== 'string' || checkLabel(name, LOOP_NAME_MAX) || typeof factors !== 'string')
		return null;
	if (kind !== 'R' && kind !== 'B') return null;
	const story = entry.get('story');
	return {
		id,
		key,
		name,
		factors: factors.split(' ').filter(Boolean),
		kind,
		authorId: String(entry.get('authorId') ?? ''),
		...(typeof story === 'string' && story && story.length <= LOOP_STORY_MAX ? { story } : {})
	};
}

function isFiniteNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/** Positions to 0.1 px keep document updates small; nobody sees a tenth of a pixel. */
function round(value: number): number {
	return Math.round(value * 10) / 10;
}

function byId(a: { id: string }, b: { id: string }): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
