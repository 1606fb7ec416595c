import type { ImportFormat, ImportQuery, UploadPreview } from '$lib/api/indicators';
import { summariseImport, type ImportResult } from '$lib/domain/indicators';
import { readCsvTable } from '../importers/csv';
import { parseJsonInput } from '../importers/input';
import { koladaCodes, type KoladaKpi } from '../importers/kolada';
import { detectFormat, importIndicators, type ImportOptions } from '../importers/detect';
import { isImportError } from '../importers/import-error';
import { previewTable, type Table } from '../importers/table';
import { mapColumns, suggestColumnMapping } from '../importers/table-mapping';
import { readXlsxTable } from '../importers/xlsx';
import { checkImportSize } from './store';

/** Uploaded tables get ids under this prefix, so 'Invånare' from a file never merges into another source's indicator. */
export const UPLOAD_ID_PREFIX = 'upload';

const PREVIEW_ROWS = 10;

/**
 * Importer options for an upload of a known format. Only tables get the upload
 * prefix: JSON-stat and PxWeb responses name their table, and Kolada ids are KPI
 * ids, so the same figure fetched online and uploaded lands in one indicator.
 */
function uploadOptions(query: ImportQuery, format: ImportFormat, maxBytes: number): ImportOptions {
	const isTable = format === 'csv' || format === 'xlsx';
	return {
		maxBytes,
		format,
		...(isTable ? { idPrefix: UPLOAD_ID_PREFIX } : {}),
		...(query.mapping ? { mapping: query.mapping } : {}),
		...(query.sheet !== undefined ? { sheet: query.sheet } : {}),
		...(query.meta ? { meta: query.meta } : {})
	};
}

/** Names for a Kolada file's KPI ids and municipality codes (see `lookUpKoladaNames`). */
export type KoladaNames = (codes: {
	kpiIds: readonly string[];
	municipalityCodes: readonly string[];
}) => Promise<{ kpis: KoladaKpi[]; areaNames: Record<string, string> }>;

/**
 * Imports an upload and checks it fits a workshop, without storing anything. A
 * Kolada file carries only codes (N15008, 1384): their names are looked up with
 * `koladaNames`, and when Kolada cannot be reached the codes stay, with a warning.
 */
export async function importUpload(
	bytes: Uint8Array,
	query: ImportQuery,
	maxBytes: number,
	koladaNames?: KoladaNames
): Promise<ImportResult> {
	const format = query.format ?? detectFormat(bytes);
	const options = uploadOptions(query, format, maxBytes);
	const warnings: string[] = [];
	if (format === 'kolada' && koladaNames && bytes.byteLength <= maxBytes) {
		const codes = koladaCodes(parseJsonInput(bytes, 'Kolada'));
		try {
			const names = await koladaNames(codes);
			options.koladaKpis = names.kpis;
			options.koladaAreaNames = names.areaNames;
		} catch {
			warnings.push('Kolada could not be reached to look up names: indicators and municipalities are shown by their codes.');
		}
	}
	const result = await importIndicators(bytes, options);
	checkImportSize(result);
	return warnings.length > 0 ? { ...result, warnings: [...result.warnings, ...warnings] } : result;
}

/**
 * What an upload holds, for the mapping step: a CSV or XLSX file gives its first
 * rows, the suggested mapping and (when a mapping is complete) a summary of what
 * would be stored; other formats give the summary. Nothing is stored. A file
 * that cannot be read at all throws ImportError, answered as 400. The caller
 * has already refused bodies over the size limit.
 */
export async function previewUpload(
	bytes: Uint8Array,
	query: ImportQuery,
	maxBytes: number,
	koladaNames?: KoladaNames
): Promise<UploadPreview> {
	const format = query.format ?? detectFormat(bytes);
	if (format !== 'csv' && format !== 'xlsx') {
		return { format, summary: summariseImport(await importUpload(bytes, { ...query, format }, maxBytes, koladaNames)) };
	}
	const table: Table =
		format === 'csv' ? readCsvTable(bytes) : await readXlsxTable(bytes, query.sheet === undefined ? {} : { sheet: query.sheet });
	const suggestion = suggestColumnMapping(table);
	const mapping = query.mapping ?? (suggestion.ok ? suggestion.mapping : undefined);
	const preview = { format, table: previewTable(table, PREVIEW_ROWS), suggestion };
	if (!mapping) return preview;
	try {
		const result = mapColumns(table, mapping, { idPrefix: UPLOAD_ID_PREFIX, ...(query.meta ? { meta: query.meta } : {}) });
		checkImportSize(result);
		return { ...preview, summary: summariseImport(result) };
	} catch (error) {
		if (!isImportError(error)) throw error;
		return { ...preview, problem: { reason: error.code, message: error.message } };
	}
}
