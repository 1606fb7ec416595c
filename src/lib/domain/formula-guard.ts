/**
 * Text a spreadsheet would run as a formula (or, after a tab or carriage return,
 * treat as one) when it opens a CSV: = + - @ and those two. Every CSV we write
 * puts an apostrophe before such text, so the spreadsheet shows it as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `guardFormula` for our own CSVs read back in. */
export function unguardFormula(text: string): string {
	return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
