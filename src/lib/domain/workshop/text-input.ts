import { z } from 'zod';

/**
 * One line of text a person typed and others will see: a workshop or map title, a
 * display name, a proxy's name. Control characters (a pasted newline, escape codes)
 * and bidi overrides/isolates (U+202A–U+202E, U+2066–U+2069, which can make a name
 * read as something else on every screen) are refused; zero-width spaces, word
 * joiners and byte-order marks are removed (joiners between letters stay, for emoji
 * and scripts that need them); text with nothing visible left is refused.
 */
export type CleanedText = { ok: true; text: string } | { ok: false; problem: CleanProblem };
export type CleanProblem = 'empty' | 'control' | 'bidi';

// Matching control characters is the point: they are what a title or name must not hold.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const REMOVED = /[\u200b\u2060\ufeff]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

export function cleanSingleLine(input: string): CleanedText {
	if (CONTROL.test(input)) return { ok: false, problem: 'control' };
	if (BIDI.test(input)) return { ok: false, problem: 'bidi' };
	const text = input.normalize('NFC').replace(REMOVED, '').trim();
	if (text.replace(INVISIBLE, '').trim() === '') return { ok: false, problem: 'empty' };
	return { ok: true, text };
}

const MESSAGES: Record<CleanProblem, string> = {
	empty: 'must contain visible characters',
	control: 'must be one line without control characters',
	bidi: 'must not contain bidirectional override or isolate characters (U+202A–U+202E, U+2066–U+2069)'
};

/** English, for API errors. */
export const cleanProblemMessage = (problem: CleanProblem): string => MESSAGES[problem];

/**
 * A zod schema for such a line, at most `max` characters after cleaning. With
 * `optional`, a blank input is allowed and gives '' (a name left out).
 */
export function singleLineSchema(options: { max: number; optional?: boolean }) {
	return z.string().transform((raw, context) => {
		if (options.optional && raw.trim() === '') return '';
		const cleaned = cleanSingleLine(raw);
		if (!cleaned.ok) {
			context.addIssue({ code: 'custom', message: MESSAGES[cleaned.problem] });
			return z.NEVER;
		}
		if (cleaned.text.length > options.max) {
			context.addIssue({ code: 'custom', message: `must be at most ${options.max} characters` });
			return z.NEVER;
		}
		return cleaned.text;
	});
}

export type TextLengthProblem = 'empty' | 'too-long';

/** Whether a text, trimmed, is empty or longer than `max`: the check behind card texts, readings and map labels. */
export function checkTextLength(text: string, max: number): TextLengthProblem | null {
	const trimmed = text.trim();
	if (trimmed.length === 0) return 'empty';
	return trimmed.length > max ? 'too-long' : null;
}
