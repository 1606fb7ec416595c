import readXlsxFile from 'read-excel-file/node';
import type { TableCell } from '$lib/api/indicators';
import { ImportError } from './import-error';
import { assertZipWithinLimits } from './zip-limits';
import type { ImportInput } from './input';
import { fitRow, type Table } from './table';
import { suggestColumnMapping } from './table-mapping';

/**
 * XLSX uploads (Statistisk årsbok tables, Lupp and Stockholmsenkäten exports,
 * the organisation's own sheets). Reads one sheet into the same unmapped table
 * shape as CSV; numbers stay numbers, so no decimal-mark guessing is needed.
 */

export interface XlsxReadOptions {
	/** Sheet name or 1-based number; by default the sheet that looks most like a table of figures. */
	sheet?: string | number;
}

type Sheet = Awaited<ReturnType<typeof readXlsxFile>>[number];

/**
 * Reads a workbook's sheet. The first row with any content is the header.
 * Without `sheet`, the sheet whose headers leave the fewest columns to map by
 * hand (the first one on a tie), so a workbook that opens with notes or an empty
 * cover still lands on its figures. The table names every sheet, for the picker.
 * Throws ImportError 'too_large' for a workbook that would unpack to more than the
 * ZIP limits (checked before unpacking), 'malformed' when the bytes are not a readable XLSX file,
 * 'unsupported' for a missing sheet, and 'empty' for a sheet without data rows.
 */
export async function readXlsxTable(input: ImportInput, options: XlsxReadOptions = {}): Promise<Table> {
	if (typeof input === 'string') {
		throw new ImportError('unsupported', 'An XLSX file must be given as bytes, not text.');
	}
	assertZipWithinLimits(input);
	let sheets: Sheet[];
	try {
		sheets = await readXlsxFile(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new ImportError('malformed', `The file could not be read as XLSX (${reason}).`);
	}
	const names = sheets.map((s) => s.sheet);
	if (options.sheet === undefined) return bestSheet(sheets, names);
	const chosen = typeof options.sheet === 'number' ? sheets[options.sheet - 1] : sheets.find((s) => s.sheet === options.sheet);
	if (!chosen) {
		throw new ImportError('unsupported', `The workbook has no sheet ${JSON.stringify(options.sheet)} (sheets: ${names.join(', ')}).`);
	}
	return sheetTable(chosen, names);
}

function bestSheet(sheets: Sheet[], names: string[]): Table {
	const first = sheets[0];
	if (!first) throw new ImportError('empty', 'The workbook has no sheets.');
	const tables = sheets.flatMap((sheet) => {
		try {
			return [sheetTable(sheet, names)];
		} catch (error) {
			if (error instanceof ImportError && error.code === 'empty') return [];
			throw error;
		}
	});
	const unmapped = (table: Table) => {
		const suggestion = suggestColumnMapping(table);
		return suggestion.ok ? 0 : suggestion.missing.length;
	};
	let best: Table | undefined;
	for (const table of tables) if (!best || unmapped(table) < unmapped(best)) best = table;
	// No sheet has data: the first sheet's own 'empty' error says so.
	return best ?? sheetTable(first, names);
}

function sheetTable(sheet: Sheet, names: string[]): Table {
	const rows = sheet.data.map((row) => row.map(toCell)).filter((row) => row.some((cell) => cell !== null && cell !== ''));
	const [headerRow, ...dataRows] = rows;
	if (!headerRow) throw new ImportError('empty', `Sheet "${sheet.sheet}" is empty.`);
	if (dataRows.length === 0) throw new ImportError('empty', `Sheet "${sheet.sheet}" has a header row but no data rows.`);
	const headers = headerRow.map((cell) => (cell === null ? '' : String(cell).trim()));
	return {
		headers,
		rows: dataRows.map((row) => fitRow(row, headers.length)),
		source: { format: 'xlsx', sheet: sheet.sheet, sheets: names }
	};
}

function toCell(cell: unknown): TableCell {
	if (cell === null || cell === undefined) return null;
	if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
	if (typeof cell === 'boolean') return String(cell);
	if (cell instanceof Date) return cell.toISOString().slice(0, 10);
	return String(cell).trim();
}
