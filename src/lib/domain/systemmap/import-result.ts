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
export type ImportResult =
	| { ok: true; title: string | null; map: SystemMap }
	| { ok: false; errors: ImportError[] };

export const MAP_TITLE_MAX = 120;

export function issuesToErrors(issues: MapIssue[]): ImportError[] {
	return issues.map((issue) => ({ message: issue.message }));
}

/** Accepts the typographic minus (U+2212) people paste from reports as '-'. */
export function normalizePolarity(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const trimmed = value.trim();
	return trimmed === '\u2212' ? '-' : trimmed;
}

export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
