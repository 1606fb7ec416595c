import type { SystemMap } from './map';
import type { MapIssue } from './validate';

export interface ImportError {
	/** 1-based line in the uploaded text, when the problem has one. */
	line?: number;
	message: string;
}

/**
 * All-or-nothing: a file with any error yields no map at all, so an API handler
 * can answer 400 without having stored part of it.
 */
export type ImportResult = { ok: true; title: string | null; map: SystemMap } | { ok: false; errors: ImportError[] };

/** Enough for a user to see the pattern; a 400 response stays small for a broken 2000-line file. */
export const IMPORT_ERRORS_MAX = 50;

export function issuesToErrors(issues: MapIssue[]): ImportError[] {
	return issues.map((issue) => ({ message: issue.message }));
}

/** The failed result, with the error list cut to `IMPORT_ERRORS_MAX` plus a line saying how many more there were. */
export function failed(errors: ImportError[]): ImportResult {
	if (errors.length <= IMPORT_ERRORS_MAX) return { ok: false, errors };
	const more = errors.length - IMPORT_ERRORS_MAX;
	return { ok: false, errors: [...errors.slice(0, IMPORT_ERRORS_MAX), { message: `… and ${more} more errors` }] };
}

/** Accepts the typographic minus (U+2212) people paste from reports as '-'. */
export function normalizePolarity(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const trimmed = value.trim();
	return trimmed === '\u2212' ? '-' : trimmed;
}

/** Excel and Notepad put a byte-order mark before UTF-8 text; it is not part of the first name. */
export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
