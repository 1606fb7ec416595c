import readXlsxFile from 'read-excel-file/node';
import { ImportError } from './import-error';
import type { ImportInput } from './input';
import { fitRow, type Table, type TableCell } from './table';

/**
 * XLSX uploads (Statistisk årsbok tables, Lupp and Stockholmsenkäten exports,
 * the organisation's own sheets). Reads one sheet into the same unmapped table
 * shape as CSV; numbers stay numbers, so no decimal-mark guessing is needed.
 */

export interface XlsxReadOptions {
	/** Sheet name or 1-based number; the first sheet by default. */
	sheet?: string | number;
}

/**
 * Reads a workbook's sheet. The first row with any content is the header.
 * Throws ImportError 'malformed' when the bytes are not a readable XLSX file,
 * 'unsupported' for a missing sheet, and 'empty' for a sheet without data rows.
 */
export async function readXlsxTable(input: ImportInput, options: XlsxReadOptions = {}): Promise<Table> {
	if (typeof input === 'string') {
		throw new ImportError('unsupported', 'An XLSX file must be given as bytes, not text.');
	}
	let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
	try {
		sheets = await readXlsxFile(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new ImportError('malformed', `The file could not be read as XLSX (${reason}).`);
	}
	const chosen =
		options.sheet === undefined
			? sheets[0]
			: typeof options.sheet === 'number'
				? sheets[options.sheet - 1]
				: sheets.find((s) => s.sheet === options.sheet);
	if (!chosen) {
		throw new ImportError(
			'unsupported',
			`The workbook has no sheet ${JSON.stringify(options.sheet)} (sheets: ${sheets.map((s) => s.sheet).join(', ')}).`
		);
	}
	const rows = chosen.data.map((row) => row.map(toCell)).filter((row) => row.some((cell) => cell !== null && cell !== ''));
	const [headerRow, ...dataRows] = rows;
	if (!headerRow) throw new ImportError('empty', `Sheet "${chosen.sheet}" is empty.`);
	if (dataRows.length === 0) throw new ImportError('empty', `Sheet "${chosen.sheet}" has a header row but no data rows.`);
	const headers = headerRow.map((cell) => (cell === null ? '' : String(cell).trim()));
	return {
		headers,
		rows: dataRows.map((row) => fitRow(row, headers.length)),
		source: { format: 'xlsx', sheet: chosen.sheet }
	};
}

function toCell(cell: unknown): TableCell {
	if (cell === null || cell === undefined) return null;
	if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
	if (typeof cell === 'boolean') return String(cell);
	if (cell instanceof Date) return cell.toISOString().slice(0, 10);
	return String(cell).trim();
}
