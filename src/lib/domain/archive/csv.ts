import { guardFormula } from '../formula-guard';

/**
 * CSV as spreadsheets open it. Swedish Excel expects `;` between fields and a
 * decimal comma, and reads UTF-8 only with a byte-order mark, so those are the
 * defaults; `,` with a decimal point is the option for everything else. Rows
 * end in CRLF (RFC 4180).
 */
export type CsvSeparator = ';' | ',';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvTable {
	/** File name inside the ZIP, e.g. `onskemal.csv`. */
	file: string;
	header: string[];
	rows: CsvCell[][];
}

export function toCsv(table: Pick<CsvTable, 'header' | 'rows'>, separator: CsvSeparator = ';'): string {
	const lines = [table.header, ...table.rows].map((row) => row.map((cell) => field(cell, separator)).join(separator));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function field(cell: CsvCell, separator: CsvSeparator): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'boolean') return cell ? 'ja' : 'nej';
	if (typeof cell === 'number') return separator === ';' ? String(cell).replace('.', ',') : String(cell);
	// A text starting like a formula is shown, not run, by the spreadsheet.
	const text = guardFormula(cell);
	return text.includes(separator) || /["\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
