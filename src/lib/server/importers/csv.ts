import Papa from 'papaparse';
import { ImportError } from './import-error';
import { decodeText, type ImportInput } from './input';
import { fitRow, type Table } from './table';

/**
 * CSV as Swedish offices export it: semicolon-separated with decimal comma
 * (Excel's Swedish default), or comma-separated; UTF-8 with or without BOM, or
 * Windows-1252. The result is an unmapped table; `mapColumns` gives the columns
 * their meaning after the facilitator has seen the preview.
 */

export interface CsvReadOptions {
	/** Overrides delimiter detection. */
	delimiter?: ';' | ',' | '\t';
}

const CANDIDATES = [';', ',', '\t'] as const;

/**
 * Reads CSV bytes into a table: the first non-empty row is the header, cells
 * are trimmed strings ('' for empty). Throws ImportError 'empty' for a file
 * without a header or without data rows, 'malformed' when the quoting is broken.
 */
export function readCsvTable(input: ImportInput, options: CsvReadOptions = {}): Table {
	const { text, encoding } = decodeText(input);
	if (text.trim() === '') throw new ImportError('empty', 'The CSV file is empty.');
	const delimiter = options.delimiter ?? detectDelimiter(text);
	const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
	const fatal = parsed.errors.find((e) => e.type === 'Quotes');
	if (fatal) {
		throw new ImportError('malformed', `The CSV file has unbalanced quotes near row ${(fatal.row ?? 0) + 1}: ${fatal.message}.`);
	}
	const [headerRow, ...dataRows] = parsed.data;
	if (!headerRow) throw new ImportError('empty', 'The CSV file has no header row.');
	const headers = headerRow.map((h) => h.trim());
	if (dataRows.length === 0) throw new ImportError('empty', 'The CSV file has a header row but no data rows.');
	return {
		headers,
		rows: dataRows.map((row) =>
			fitRow(
				row.map((cell) => cell.trim()),
				headers.length
			)
		),
		source: { format: 'csv', encoding, delimiter }
	};
}

/**
 * Picks the delimiter that splits the header line into the most columns,
 * counting only characters outside quotes, so 'Andel, %' in a quoted semicolon
 * header does not turn the file comma-separated.
 */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
	const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
	const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
	let quoted = false;
	for (const char of firstLine) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
	}
	let best: ';' | ',' | '\t' = ';';
	for (const candidate of CANDIDATES) if (counts.get(candidate)! > counts.get(best)!) best = candidate;
	return best;
}
