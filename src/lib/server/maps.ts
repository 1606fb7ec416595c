import { json } from '@sveltejs/kit';
import starterJson from '../../../workshop-templates/starter-factors.json';
import { layoutMap } from '$lib/charts/map-layout';
import {
	MAP_TITLE_MAX,
	attachLoopStories,
	checkStarterLibrary,
	findLoops,
	parseLinksCsv,
	parseMapJson,
	type ImportError,
	type StarterFactor,
	type StarterLibrary,
	type SystemMap,
	type ThemeId,
	type Bilingual
} from '$lib/domain/systemmap';
import { FACILITATOR_AUTHOR } from '$lib/domain/method/method-actor';
import { cleanProblemMessage, cleanSingleLine } from '$lib/domain/workshop/text-input';
import { PLENARY_MAP, mapDocName, mapIdOf, readMap, writeMap, type MapSnapshot } from '$lib/sync/map';
import { readControl } from '$lib/sync/control';
import type { App } from './app';
import { problem } from './http/problem';
import { newId } from './secrets';

/** Far above any workshop map (2000 links as CSV is about 100 KB) and well below what a request may hold. */
export const IMPORT_MAX_BYTES = 1024 * 1024;
/** Shown in a 400; the domain already caps the list, this keeps the one-line message readable. */
const MESSAGE_ERRORS_MAX = 10;

export interface StarterThemeSummary {
	id: ThemeId;
	label: Bilingual;
	factors: Pick<StarterFactor, 'id' | 'label' | 'kind' | 'type' | 'level'>[];
}

const library = loadStarterLibrary();

/** The starter factors per theme without their sources, small enough to send with the map page. */
export function starterThemes(): StarterThemeSummary[] {
	return library.themes.map((theme) => ({
		id: theme.id,
		label: theme.label,
		factors: theme.factors.map(({ id, label, kind, type, level }) => ({ id, label, kind, type, ...(level ? { level } : {}) }))
	}));
}

function loadStarterLibrary(): StarterLibrary {
	const problems = checkStarterLibrary(starterJson);
	if (problems.length > 0) throw new Error(`workshop-templates/starter-factors.json is invalid: ${problems.join('; ')}`);
	return starterJson as StarterLibrary;
}

/** The document a map page should open for `?doc=`: the plenary map by default, null for a name that is not a map. */
export function mapDocFromQuery(value: string | null): string | null {
	if (value === null || value === '') return PLENARY_MAP;
	const mapId = mapIdOf(value);
	return mapId === null ? null : mapDocName(mapId);
}

export interface MapListing {
	mapId: string;
	docName: string;
	title: string | null;
}

/** Ids of the maps the facilitator removed: stored still, but neither listed nor opened. */
async function removedMaps(app: App, workshopId: string): Promise<string[]> {
	return readControl((await app.docs.get(workshopId, 'control')).doc).removedMaps;
}

/** The workshop's maps: the plenary map always, then every stored `map:*` document not removed. */
export async function listMaps(app: App, workshopId: string): Promise<MapListing[]> {
	const removed = await removedMaps(app, workshopId);
	const names = (await app.storage.docs.listDocNames(workshopId)).filter(
		(name) => mapIdOf(name) !== null && name !== PLENARY_MAP && !removed.includes(mapIdOf(name) as string)
	);
	const listings: MapListing[] = [];
	for (const docName of [PLENARY_MAP, ...names]) {
		const live = await app.docs.get(workshopId, docName);
		listings.push({ mapId: mapIdOf(docName) as string, docName, title: readMap(live.doc).title });
	}
	return listings;
}

/** The live map, or null when there is no such map or it was removed (the plenary map always exists, possibly empty). */
export async function readLiveMap(app: App, workshopId: string, mapId: string): Promise<MapSnapshot | null> {
	const docName = mapDocName(mapId);
	if (!docName || (await removedMaps(app, workshopId)).includes(mapId)) return null;
	if (docName !== PLENARY_MAP && !(await app.storage.docs.listDocNames(workshopId)).includes(docName)) return null;
	const live = await app.docs.get(workshopId, docName);
	return readMap(live.doc);
}

/** The read API's answer: the map, its loops in cycle order with any names, and whether the search hit the cap. */
export function mapAnswer(snapshot: MapSnapshot) {
	const search = findLoops(snapshot);
	const { loops } = attachLoopStories({ map: snapshot, search, stories: snapshot.stories });
	return {
		title: snapshot.title,
		factors: snapshot.factors.map(({ authorId: _author, ...factor }) => factor),
		links: snapshot.links.map(({ authorId: _author, sector: _sector, ...link }) => link),
		loops: loops.map((loop) => ({
			kind: loop.kind,
			factors: loop.factors,
			links: loop.links,
			...(loop.story ? { name: loop.story.name, ...(loop.story.story ? { story: loop.story.story } : {}) } : {})
		})),
		loopsTruncated: search.truncated
	};
}

export interface ParsedImport {
	title: string | null;
	map: SystemMap;
}

/**
 * Reads and validates an import body: JSON (`application/json`) or a CSV of links
 * (`text/csv`, title from `?title=`). All or nothing: any problem answers 400 with
 * every error found (line numbers where the format has them) and nothing is stored.
 */
export async function readMapImport(request: Request, url: URL): Promise<ParsedImport | Response> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
	if (type !== 'application/json' && type !== 'text/csv') {
		return problem(415, 'bad_request', 'Content-Type must be application/json or text/csv');
	}
	const text = await readText(request, { csv: type === 'text/csv' });
	if (text instanceof Response) return text;

	const rawTitle = url.searchParams.get('title') ?? '';
	const cleanedTitle = rawTitle.trim() === '' ? null : cleanSingleLine(rawTitle);
	if (cleanedTitle && !cleanedTitle.ok) return problem(400, 'bad_request', `title: ${cleanProblemMessage(cleanedTitle.problem)}`);
	const queryTitle = cleanedTitle?.text ?? '';
	if (queryTitle.length > MAP_TITLE_MAX) {
		return problem(400, 'bad_request', `title: must be at most ${MAP_TITLE_MAX} characters`);
	}
	const result = type === 'text/csv' ? parseLinksCsv(text) : parseMapJson(text);
	if (!result.ok) return importProblem(result.errors);
	return { title: result.title ?? (queryTitle || null), map: result.map };
}

/**
 * Writes an imported map into a new `map:<id>` document in the facilitator's
 * name. Factors without a position are laid out first (positioned ones stay), so
 * the map opens arranged rather than as a row of boxes.
 */
export async function storeImportedMap(app: App, workshopId: string, input: ParsedImport): Promise<string> {
	const mapId = newId();
	const docName = mapDocName(mapId) as string;
	const map = withLayout(input.map);
	const live = await app.docs.get(workshopId, docName);
	await app.docs.transact(live, (doc) =>
		writeMap(doc, { map, title: input.title, author: { authorId: FACILITATOR_AUTHOR, sector: 'facilitator' } }, null)
	);
	return mapId;
}

function withLayout(map: SystemMap): SystemMap {
	if (map.factors.every((factor) => factor.x !== undefined && factor.y !== undefined)) return map;
	const positions = new Map(
		layoutMap({
			factors: map.factors.map((factor) => (factor.x !== undefined && factor.y !== undefined ? { ...factor, pinned: true } : factor)),
			links: map.links
		}).map((position) => [position.id, position])
	);
	return {
		...map,
		factors: map.factors.map((factor) => {
			if (factor.x !== undefined && factor.y !== undefined) return factor;
			const position = positions.get(factor.id);
			return position ? { ...factor, x: position.x, y: position.y } : factor;
		})
	};
}

async function readText(request: Request, options: { csv: boolean }): Promise<string | Response> {
	// The body is read (adapter-node caps it at BODY_SIZE_LIMIT) before answering 413: a reply
	// sent while the client is still uploading makes the client see a reset, not the 413.
	const bytes = new Uint8Array(await request.arrayBuffer());
	if (bytes.byteLength > IMPORT_MAX_BYTES) return problem(413, 'too_large', `body exceeds ${IMPORT_MAX_BYTES} bytes`);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Swedish Excel saves "CSV (semikolonavgränsad)" as Windows-1252; JSON is UTF-8 by definition.
		if (options.csv) return new TextDecoder('windows-1252').decode(bytes);
		return problem(400, 'bad_request', 'body must be UTF-8');
	}
}

function importProblem(errors: ImportError[]): Response {
	const lines = errors.map((error) => (error.line === undefined ? error.message : `line ${error.line}: ${error.message}`));
	const shown = lines.slice(0, MESSAGE_ERRORS_MAX).join('; ');
	const more = lines.length > MESSAGE_ERRORS_MAX ? ` (and ${lines.length - MESSAGE_ERRORS_MAX} more)` : '';
	return json({ error: { code: 'bad_request', message: `${shown}${more}`, details: errors } }, { status: 400 });
}
