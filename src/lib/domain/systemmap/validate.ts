import { isSector } from '../workshop/sectors';
import { checkTextLength, type TextLengthProblem } from '../workshop/text-input';
import {
	FACTOR_LABEL_MAX,
	FACTOR_NOTE_MAX,
	ID_MAX,
	LINK_LABEL_MAX,
	MAP_FACTORS_MAX,
	MAP_LINKS_MAX,
	isFactorKind,
	isFactorTag,
	isPolarity,
	isPreventionLevel,
	type Factor,
	type Link,
	type SystemMap
} from './map';

export type MapIssueCode =
	| 'not-an-object'
	| 'too-many-factors'
	| 'too-many-links'
	| 'id-invalid'
	| 'id-duplicate'
	| 'label-empty'
	| 'label-too-long'
	| 'kind-invalid'
	| 'note-too-long'
	| 'field-invalid'
	| 'link-unknown-factor'
	| 'polarity-invalid';

export interface MapIssue {
	code: MapIssueCode;
	/** Where in the input, e.g. `links[3].polarity`. */
	path: string;
	/** English, for API responses and logs; the UI translates by `code`. */
	message: string;
}

export type MapValidation = { ok: true; map: SystemMap } | { ok: false; issues: MapIssue[] };

export type LabelProblem = TextLengthProblem;

/**
 * Checks a label as the user typed it, so an editor can refuse a change before it
 * reaches the shared document. Length is counted after trimming.
 */
export function checkLabel(text: string, max: number = FACTOR_LABEL_MAX): LabelProblem | null {
	return checkTextLength(text, max);
}

/**
 * Ids become Yjs keys and are joined with spaces into loop keys, so they must be
 * short and free of whitespace; anything else is left to the caller.
 */
export function isValidId(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= ID_MAX && !/\s/.test(value);
}

/** A plain object, as JSON.parse gives one; arrays and null are not. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates an untrusted map (API body, import, a document snapshot) and returns a
 * clean copy holding only known fields with trimmed texts, or every problem found.
 * Collecting all issues rather than stopping at the first lets a user fix an
 * import file in one pass. Self-links are accepted: a factor that feeds itself is
 * a legitimate loop.
 */
export function validateMap(input: unknown): MapValidation {
	const issues: MapIssue[] = [];
	const issue = reporter(issues);

	if (!isRecord(input)) {
		issue('not-an-object', 'map', 'must be an object with factors and links');
		return { ok: false, issues };
	}
	const rawFactors = input.factors;
	const rawLinks = input.links ?? [];
	if (!Array.isArray(rawFactors)) issue('not-an-object', 'factors', 'must be an array');
	if (!Array.isArray(rawLinks)) issue('not-an-object', 'links', 'must be an array');
	if (!Array.isArray(rawFactors) || !Array.isArray(rawLinks)) return { ok: false, issues };
	if (rawFactors.length > MAP_FACTORS_MAX) {
		issue('too-many-factors', 'factors', `at most ${MAP_FACTORS_MAX} factors are allowed`);
	}
	if (rawLinks.length > MAP_LINKS_MAX) {
		issue('too-many-links', 'links', `at most ${MAP_LINKS_MAX} links are allowed`);
	}
	if (issues.length > 0) return { ok: false, issues };

	// Ids are collected from every entry, valid or not, so one broken factor does
	// not also turn into a duplicate or an unknown end elsewhere.
	const factors: Factor[] = [];
	const factorIds = new Set<string>();
	rawFactors.forEach((raw, index) => {
		const id = isRecord(raw) ? raw.id : undefined;
		if (isValidId(id)) {
			if (factorIds.has(id)) issue('id-duplicate', `factors[${index}].id`, `duplicate factor id '${id}'`);
			factorIds.add(id);
		}
		const factor = readFactor(raw, `factors[${index}]`, issues);
		if (factor) factors.push(factor);
	});

	const links: Link[] = [];
	const linkIds = new Set<string>();
	rawLinks.forEach((raw, index) => {
		if (isRecord(raw)) {
			if (isValidId(raw.id)) {
				if (linkIds.has(raw.id)) issue('id-duplicate', `links[${index}].id`, `duplicate link id '${raw.id}'`);
				linkIds.add(raw.id);
			}
			for (const end of ['from', 'to'] as const) {
				const factorId = raw[end];
				if (isValidId(factorId) && !factorIds.has(factorId)) {
					issue('link-unknown-factor', `links[${index}].${end}`, `unknown factor '${factorId}'`);
				}
			}
		}
		const link = readLink(raw, `links[${index}]`, issues);
		if (link) links.push(link);
	});

	return issues.length > 0 ? { ok: false, issues } : { ok: true, map: { factors, links } };
}

type Report = (code: MapIssueCode, path: string, message: string) => void;

function reporter(issues: MapIssue[]): Report {
	return (code, path, message) => issues.push({ code, path, message: `${path}: ${message}` });
}

function readFactor(raw: unknown, path: string, issues: MapIssue[]): Factor | null {
	const issue = reporter(issues);
	if (!isRecord(raw)) {
		issue('not-an-object', path, 'factor must be an object');
		return null;
	}
	const before = issues.length;
	const { id, label, kind, note, indicatorId, tag, level, proposedBySector, x, y, pinned } = raw;
	if (!isValidId(id)) issue('id-invalid', `${path}.id`, idRule());
	const text = readLabel(label, FACTOR_LABEL_MAX, `${path}.label`, issue, true);
	if (!isFactorKind(kind)) issue('kind-invalid', `${path}.kind`, "kind must be 'faktor', 'aktor' or 'insats'");
	if (note !== undefined && typeof note !== 'string') issue('field-invalid', `${path}.note`, 'note must be a string');
	if (typeof note === 'string' && note.trim().length > FACTOR_NOTE_MAX) {
		issue('note-too-long', `${path}.note`, `note must be at most ${FACTOR_NOTE_MAX} characters`);
	}
	if (indicatorId !== undefined && !isValidId(indicatorId)) issue('field-invalid', `${path}.indicatorId`, idRule());
	if (proposedBySector !== undefined && !isSector(proposedBySector)) {
		issue('field-invalid', `${path}.proposedBySector`, 'unknown sector');
	}
	if (tag !== undefined && !isFactorTag(tag)) issue('field-invalid', `${path}.tag`, "tag must be 'risk' or 'skydd'");
	if (level !== undefined && !isPreventionLevel(level)) {
		issue('field-invalid', `${path}.level`, "level must be 'universell', 'selektiv' or 'indikerad'");
	}
	for (const [name, value] of [
		['x', x],
		['y', y]
	] as const) {
		if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value))) {
			issue('field-invalid', `${path}.${name}`, `${name} must be a finite number`);
		}
	}
	if (pinned !== undefined && typeof pinned !== 'boolean') {
		issue('field-invalid', `${path}.pinned`, 'pinned must be true or false');
	}
	if (issues.length > before || !isValidId(id) || text === null || !isFactorKind(kind)) return null;

	const factor: Factor = { id, label: text, kind };
	if (typeof note === 'string' && note.trim()) factor.note = note.trim();
	if (typeof indicatorId === 'string') factor.indicatorId = indicatorId;
	if (isFactorTag(tag)) factor.tag = tag;
	if (isPreventionLevel(level)) factor.level = level;
	if (isSector(proposedBySector)) factor.proposedBySector = proposedBySector;
	if (typeof x === 'number') factor.x = x;
	if (typeof y === 'number') factor.y = y;
	if (pinned === true) factor.pinned = true;
	return factor;
}

function readLink(raw: unknown, path: string, issues: MapIssue[]): Link | null {
	const issue = reporter(issues);
	if (!isRecord(raw)) {
		issue('not-an-object', path, 'link must be an object');
		return null;
	}
	const before = issues.length;
	const { id, from, to, polarity, delay, label } = raw;
	if (!isValidId(id)) issue('id-invalid', `${path}.id`, idRule());
	if (!isValidId(from)) issue('id-invalid', `${path}.from`, idRule());
	if (!isValidId(to)) issue('id-invalid', `${path}.to`, idRule());
	if (!isPolarity(polarity)) issue('polarity-invalid', `${path}.polarity`, "polarity must be '+' or '-'");
	if (delay !== undefined && typeof delay !== 'boolean') {
		issue('field-invalid', `${path}.delay`, 'delay must be true or false');
	}
	const text = label === undefined ? undefined : readLabel(label, LINK_LABEL_MAX, `${path}.label`, issue, false);
	if (issues.length > before || !isValidId(id) || !isValidId(from) || !isValidId(to) || !isPolarity(polarity)) {
		return null;
	}
	const link: Link = { id, from, to, polarity };
	if (delay === true) link.delay = true;
	if (text) link.label = text;
	return link;
}

function readLabel(value: unknown, max: number, path: string, issue: Report, required: boolean): string | null {
	if (typeof value !== 'string') {
		issue(required ? 'label-empty' : 'field-invalid', path, 'label must be a string');
		return null;
	}
	const problem = checkLabel(value, max);
	if (problem === 'too-long') {
		issue('label-too-long', path, `label must be at most ${max} characters`);
		return null;
	}
	if (problem === 'empty') {
		if (required) issue('label-empty', path, 'label must not be empty');
		return required ? null : '';
	}
	return value.trim();
}

function idRule(): string {
	return `id must be 1-${ID_MAX} characters without spaces`;
}
