import type { ObservationStatus } from './observation';

/**
 * Cell texts that mean "no value" in Swedish statistics: '..' (uppgift saknas,
 * PxWeb/SCB/Folkhälsodata), '.' (logiskt omöjlig), '-' and '–' (used for both
 * "nothing to report" and "missing" in published tables, so never read as 0),
 * ':' (Eurostat-style) and the empty cell.
 */
const MISSING_MARKERS = new Set(['', '..', '.', '...', '-', '–', '—', ':', 'NA', 'N/A', 'saknas', 'uppgift saknas']);

/** Markers for values withheld to protect individuals (röjandekontroll). */
const SUPPRESSED_MARKERS = new Set(['x', 'X', '*', '**', 'sekretess', 'suppressed']);

export interface ParsedCell {
	value: number | null;
	status: ObservationStatus;
	/** True when the text was neither a number nor a known marker; the value is then kept as missing. */
	unreadable: boolean;
}

export type DecimalSeparator = ',' | '.' | 'auto';

/**
 * Parses a numeric cell as people type them in Swedish files: decimal comma,
 * spaces or non-breaking spaces as thousands separators ('105 000'), a trailing
 * '%' or 'kr'. Known "no value" markers give `null` with status 'missing' or
 * 'suppressed'; anything unreadable is also kept as missing (flagged), never 0.
 *
 * With `decimal: 'auto'` a single ',' or '.' is the decimal mark (Swedish files
 * group thousands with spaces); when both occur, the last one is; a mark that
 * repeats ('1.234.567') groups thousands.
 */
export function parseNumericCell(raw: string | number | null | undefined, decimal: DecimalSeparator = 'auto'): ParsedCell {
	if (typeof raw === 'number') {
		return Number.isFinite(raw) ? ok(raw) : missing('missing', false);
	}
	const text = (raw ?? '').trim();
	if (MISSING_MARKERS.has(text)) return missing('missing', false);
	if (SUPPRESSED_MARKERS.has(text)) return missing('suppressed', false);

	const compact = text
		.replace(/[\s\u00a0\u202f\u2009]/g, '')
		.replace(/(%|kr|sek|procent)$/i, '')
		.replace(/^\+/, '')
		.replace(/^[−–]/, '-');
	const normalised = normaliseSeparators(compact, decimal);
	if (normalised === null || !/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(normalised)) {
		return missing('missing', true);
	}
	const value = Number(normalised);
	return Number.isFinite(value) ? ok(value) : missing('missing', true);
}

function normaliseSeparators(text: string, decimal: DecimalSeparator): string | null {
	const commas = text.split(',').length - 1;
	const dots = text.split('.').length - 1;
	if (decimal === ',') return stripThousands(text, '.', ',');
	if (decimal === '.') return stripThousands(text, ',', '.');
	if (commas > 0 && dots > 0) {
		return text.lastIndexOf(',') > text.lastIndexOf('.') ? stripThousands(text, '.', ',') : stripThousands(text, ',', '.');
	}
	if (commas > 1) return text.replace(/,/g, '');
	if (dots > 1) return text.replace(/\./g, '');
	if (commas === 1) {
		const decimals = text.length - text.indexOf(',') - 1;
		// '1,234' is ambiguous; Swedish files use space for thousands, so a comma is a decimal mark.
		return decimals > 0 ? text.replace(',', '.') : null;
	}
	return text;
}

function stripThousands(text: string, thousands: string, decimalMark: string): string {
	const withoutThousands = text.split(thousands).join('');
	return decimalMark === ',' ? withoutThousands.replace(',', '.') : withoutThousands;
}

/**
 * Maps a provider status flag to ours: JSON-stat `status` entries, Kolada
 * `status` strings. Returns `undefined` for flags that carry no status of ours
 * (an empty string, or a note symbol), so the value decides.
 */
export function statusFromFlag(flag: string | null | undefined): ObservationStatus | undefined {
	const text = (flag ?? '').trim();
	if (text === '') return undefined;
	if (MISSING_MARKERS.has(text) || /^missing$/i.test(text)) return 'missing';
	if (SUPPRESSED_MARKERS.has(text) || /suppress|sekretess|röj/i.test(text)) return 'suppressed';
	if (/^p$|^prel/i.test(text) || /preliminär/i.test(text)) return 'preliminary';
	return undefined;
}

function ok(value: number): ParsedCell {
	return { value, status: 'ok', unreadable: false };
}

function missing(status: ObservationStatus, unreadable: boolean): ParsedCell {
	return { value: null, status, unreadable };
}
