import writeXlsxFile, { type Row } from 'write-excel-file/node';
import type { GapGroup } from '$lib/domain/programme/gap-groups';
import { gapTable } from '$lib/domain/programme/gap-table';

/**
 * The shared gaps as an XLSX workbook (write-excel-file): a bold, frozen header row and
 * the CSV's columns. Text cells are typed as strings, so a text starting with "=" stays
 * text and is never run as a formula.
 */
export async function gapsWorkbook(gaps: readonly Omit<GapGroup, 'workshopIds'>[]): Promise<Buffer> {
	const table = gapTable(gaps);
	const header: Row = table.header.map((value) => ({ value, fontWeight: 'bold' as const }));
	const rows: Row[] = table.rows.map((row) =>
		row.map((cell) =>
			typeof cell === 'number'
				? { value: cell, type: Number }
				: cell === null || cell === undefined
					? null
					: { value: String(cell), type: String }
		)
	);
	return writeXlsxFile([header, ...rows], { sheet: 'Datagap', stickyRowsCount: 1, columns: [{ width: 50 }, { width: 60 }] }).toBuffer();
}
