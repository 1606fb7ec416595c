import type { TableCell, TablePreview, TableSource } from '$lib/api/indicators';

/**
 * A spreadsheet-like table read from CSV or XLSX, before any column has been
 * given a meaning. The UI previews it (TablePreview, in $lib/api) and asks the
 * facilitator to map columns (see table-mapping.ts), so nothing is saved on a guess.
 */
export interface Table {
	headers: string[];
	/** Data rows, each as long as `headers` (short rows are padded with null). */
	rows: TableCell[][];
	source: TableSource;
}

/** The first `rowCount` rows, with the total, for the mapping step's preview. */
export function previewTable(table: Table, rowCount = 10): TablePreview {
	return {
		headers: [...table.headers],
		rows: table.rows.slice(0, Math.max(0, rowCount)),
		totalRows: table.rows.length,
		source: table.source
	};
}

/** Pads or cuts a row to the header width, so column indexes are always safe. */
export function fitRow(row: readonly TableCell[], width: number): TableCell[] {
	return Array.from({ length: width }, (_, i) => row[i] ?? null);
}
