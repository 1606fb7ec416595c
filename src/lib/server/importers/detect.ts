import type { ColumnMapping, ImportFormat } from '$lib/api/indicators';
import type { Area, ImportResult, IndicatorMeta } from '$lib/domain/indicators';
import { readCsvTable } from './csv';
import { ImportError } from './import-error';
import { decodeText, exceedsByteLimit, isRecord, parseJsonInput, type ImportInput } from './input';
import { jsonStat2ToIndicators } from './jsonstat2';
import { koladaToIndicators, type KoladaKpi } from './kolada';
import { pxWebV1ToIndicators, type PxWebLabels } from './pxweb-v1';
import type { Table } from './table';
import { mapColumns, suggestColumnMapping } from './table-mapping';
import { readXlsxTable } from './xlsx';

/** 10 MB: far above any table a workshop needs, far below what would hurt the server. */
export const DEFAULT_MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;

/**
 * Recognises the format from the content: XLSX by the ZIP signature PK\x03\x04;
 * JSON-stat by `version`/`class`/`dimension` (or PxWeb v1's `{ dataset }`
 * wrapper); PxWeb v1 JSON by `columns` + `data`; Kolada by `values[].kpi`;
 * anything else that is not JSON is treated as CSV. JSON of another shape is
 * refused as 'unsupported', broken JSON as 'malformed'.
 */
export function detectFormat(input: ImportInput): ImportFormat {
	return sniff(input).format;
}

export interface ImportOptions {
	/** Skips detection, e.g. when the user picked the source. */
	format?: ImportFormat;
	/** Refuses larger inputs before any parsing; default {@link DEFAULT_MAX_IMPORT_BYTES}. */
	maxBytes?: number;
	/** Column meaning for CSV/XLSX; without it one is suggested from the headers. */
	mapping?: ColumnMapping;
	/** XLSX sheet name or 1-based number. */
	sheet?: string | number;
	/** Prefix for indicator ids (table path, upload id). */
	idPrefix?: string;
	/** Area for tables without a region dimension. */
	defaultArea?: Area;
	/** PxWeb v1 value texts from the table's metadata. */
	pxwebLabels?: PxWebLabels;
	/** Kolada KPI metadata and area names, to name indicators and areas. */
	koladaKpis?: readonly KoladaKpi[];
	koladaAreaNames?: Record<string, string>;
	/** Metadata put on every indicator from an upload (attribution, data owner, kind of use). */
	meta?: Partial<IndicatorMeta>;
}

/**
 * The single entry point for "here are some bytes, give me indicators". The
 * size limit is checked first, so a 50 MB upload is refused before it is
 * decoded or parsed. Then the format is detected (or taken from `format`) and
 * the matching importer runs; CSV and XLSX need a column mapping, which is
 * suggested from header names when none is given, and the import fails with a
 * message naming the missing roles when no suggestion is complete.
 */
export async function importIndicators(input: ImportInput, options: ImportOptions = {}): Promise<ImportResult> {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
	if (exceedsByteLimit(input, maxBytes)) {
		const size = typeof input === 'string' ? 'The text' : `The file (${formatBytes(input.byteLength)})`;
		throw new ImportError('too_large', `${size} is larger than the import limit of ${formatBytes(maxBytes)}.`);
	}
	if (isBlank(input)) throw new ImportError('empty', 'The upload is empty.');

	const { format, json } = options.format ? { format: options.format, json: undefined } : sniff(input);
	const prefix = options.idPrefix === undefined ? {} : { idPrefix: options.idPrefix };
	const defaultArea = options.defaultArea === undefined ? {} : { defaultArea: options.defaultArea };
	switch (format) {
		case 'jsonstat2':
			return jsonStat2ToIndicators(json ?? parseJsonInput(input, 'JSON-stat'), { ...prefix, ...defaultArea });
		case 'pxweb':
			return pxWebV1ToIndicators(json ?? parseJsonInput(input, 'PxWeb'), {
				...prefix,
				...defaultArea,
				...(options.pxwebLabels ? { labels: options.pxwebLabels } : {})
			});
		case 'kolada':
			return koladaToIndicators(json ?? parseJsonInput(input, 'Kolada'), {
				...(options.koladaKpis ? { kpis: options.koladaKpis } : {}),
				...(options.koladaAreaNames ? { areaNames: options.koladaAreaNames } : {})
			});
		case 'csv':
			return mapTable(readCsvTable(input), options);
		case 'xlsx':
			return mapTable(await readXlsxTable(input, options.sheet === undefined ? {} : { sheet: options.sheet }), options);
	}
}

function mapTable(table: Table, options: ImportOptions): ImportResult {
	const mapOptions = {
		...(options.idPrefix ? { idPrefix: options.idPrefix } : {}),
		...(options.meta ? { meta: options.meta } : {})
	};
	if (options.mapping) return mapColumns(table, options.mapping, mapOptions);
	const suggestion = suggestColumnMapping(table);
	if (!suggestion.ok) {
		const wanted: Record<string, string> = {
			area: 'area column (Område, Region, Kommun, Stadsdel)',
			period: 'period column (År, Period, Tid, Year)',
			value: 'value column (Värde, Andel, Antal, Value, or a single numeric column)'
		};
		const missing = suggestion.missing.map((m) => wanted[m]).join(' and no ');
		const headers = table.headers.map((h) => `"${h}"`).join(', ');
		throw new ImportError(
			'unsupported',
			`The columns could not be mapped automatically: found no ${missing} among ${headers}. Choose the columns in the mapping step.`
		);
	}
	return mapColumns(table, suggestion.mapping, mapOptions);
}

function sniff(input: ImportInput): { format: ImportFormat; json?: unknown } {
	if (typeof input !== 'string' && ZIP_MAGIC.every((byte, i) => input[i] === byte)) return { format: 'xlsx' };
	const { text } = decodeText(input);
	const start = text.trimStart()[0];
	if (start !== '{' && start !== '[') return { format: 'csv' };
	const json = parseJsonInput(text, 'JSON');
	if (isRecord(json)) {
		const jsonStat =
			json.version === '2.0' || json.class === 'dataset' || (Array.isArray(json.id) && isRecord(json.dimension)) || isRecord(json.dataset);
		if (jsonStat) return { format: 'jsonstat2', json };
		if (Array.isArray(json.columns) && Array.isArray(json.data)) return { format: 'pxweb', json };
		if (Array.isArray(json.values)) {
			const first: unknown = json.values[0];
			if (first === undefined || (isRecord(first) && typeof first.kpi === 'string')) return { format: 'kolada', json };
		}
	}
	throw new ImportError('unsupported', 'The JSON is not a JSON-stat 2 dataset, a PxWeb v1 "json" response or a Kolada data response.');
}

function isBlank(input: ImportInput): boolean {
	if (typeof input === 'string') return input.trim() === '';
	if (input.byteLength === 0) return true;
	// Only look closer at small inputs; a large one is not blank in practice and decoding it twice is waste.
	return input.byteLength < 64 && decodeText(input).text.trim() === '';
}

function formatBytes(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB` : `${bytes} bytes`;
}
