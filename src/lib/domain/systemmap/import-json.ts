import { nextLinkId } from './ids';
import { failed, issuesToErrors, normalizePolarity, stripBom, type ImportError, type ImportResult } from './import-result';
import { cleanProblemMessage, cleanSingleLine } from '../workshop/text-input';
import { MAP_TITLE_MAX } from './map';
import { isRecord, validateMap } from './validate';

/**
 * Parses an uploaded map:
 * `{ "title": "…", "factors": [{ "id", "label", "kind"? }], "links": [{ "from", "to", "polarity" }] }`.
 *
 * `kind` defaults to 'faktor'; links without an id get `link-N`. The optional
 * fields that `mapToJson` writes (note, positions, delay, link label …) are read
 * too, so an export imports back unchanged. Any problem (malformed JSON, a link
 * to an unknown factor, a bad polarity …) returns every error found and no map.
 */
export function parseMapJson(text: string): ImportResult {
	const source = stripBom(text);
	let data: unknown;
	try {
		data = JSON.parse(source);
	} catch (error) {
		return { ok: false, errors: [syntaxError(source, error)] };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return { ok: false, errors: [{ message: 'expected a JSON object with "factors" and "links"' }] };
	}
	const { title, factors, links } = data as Record<string, unknown>;

	const errors: ImportError[] = [];
	if (title !== undefined && typeof title !== 'string') errors.push({ message: 'title: must be a string' });
	const cleanedTitle = typeof title === 'string' && title.trim() !== '' ? cleanSingleLine(title) : null;
	if (cleanedTitle && !cleanedTitle.ok) errors.push({ message: `title: ${cleanProblemMessage(cleanedTitle.problem)}` });
	if (cleanedTitle?.ok && cleanedTitle.text.length > MAP_TITLE_MAX) {
		errors.push({ message: `title: must be at most ${MAP_TITLE_MAX} characters` });
	}
	if (!Array.isArray(factors)) errors.push({ message: 'factors: must be an array' });
	if (links !== undefined && !Array.isArray(links)) errors.push({ message: 'links: must be an array' });
	if (errors.length > 0 || !Array.isArray(factors)) return { ok: false, errors };

	const rawLinks: unknown[] = Array.isArray(links) ? links : [];
	const taken = new Set(
		rawLinks.map((link) => (isRecord(link) ? link.id : undefined)).filter((id): id is string => typeof id === 'string')
	);
	const checked = validateMap({
		factors: factors.map((factor) => (isRecord(factor) ? { kind: 'faktor', ...factor } : factor)),
		links: rawLinks.map((link) => {
			if (!isRecord(link)) return link;
			const id = link.id === undefined ? nextLinkId(taken) : link.id;
			if (typeof id === 'string') taken.add(id);
			return { ...link, id, polarity: normalizePolarity(link.polarity) };
		})
	});
	if (!checked.ok) return failed(issuesToErrors(checked.issues));
	return { ok: true, title: cleanedTitle?.ok ? cleanedTitle.text : null, map: checked.map };
}

/** Turns V8's "… at position 42" into a line number the user can find. */
function syntaxError(source: string, error: unknown): ImportError {
	const message = error instanceof Error ? error.message : String(error);
	const position = /position (\d+)/.exec(message)?.[1];
	if (position === undefined) return { message: `malformed JSON: ${message}` };
	const line = source.slice(0, Number(position)).split('\n').length;
	return { line, message: `malformed JSON: ${message}` };
}
