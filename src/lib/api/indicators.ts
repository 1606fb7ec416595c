import { z } from 'zod';
import { indicatorMetaSchema, type DecimalSeparator, type ImportSummary } from '$lib/domain/indicators';

/**
 * Request and response shapes of the indicator endpoints
 * (`/api/workshops/:ref/indicators…`), shared by the routes that validate them,
 * the server code behind them and the browser's fetch client
 * (components/indicators/indicator-api.ts). The README documents each endpoint.
 */

// ── Formats and refusals ──────────────────────────────────────────────────────

export const IMPORT_FORMATS = ['jsonstat2', 'pxweb', 'kolada', 'csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Why an import was refused. The HTTP layer maps the code to a status
 * (too_large → 413, the others → 422) and shows the message to the facilitator.
 */
export const IMPORT_ERROR_CODES = ['malformed', 'unsupported', 'too_large', 'empty'] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

// ── Uploaded tables (CSV, XLSX) and their column mapping ──────────────────────

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export type TableCell = string | number | null;

export type TableSource =
	| { format: 'csv'; encoding: TextEncodingName; delimiter: string }
	/** `sheets`: every sheet of the workbook, in order, so the facilitator can pick another. */
	| { format: 'xlsx'; sheet: string; sheets: string[] };

/** The first rows of an uploaded table, with the total, for the mapping step. */
export interface TablePreview {
	headers: string[];
	rows: TableCell[][];
	totalRows: number;
	source: TableSource;
}

/**
 * Which column means what, chosen by the facilitator in the preview step (or
 * suggested by the server). Columns are named by header text.
 */
export interface ColumnMapping {
	/** Column naming the indicator per row, or one name for the whole table. Defaults to the value column's header. */
	indicator?: { column: string } | { name: string };
	/** Column with the area name. */
	area: string;
	/** Column with an area code ('0180'); without it the name is used as the code. */
	areaCode?: string;
	/** Column with the period, or one period for the whole table. */
	period: string | { fixed: string };
	value: string;
	unit?: string;
	/** Breakdown key → column; the key 'kon' is normalised to T/K/M. */
	breakdown?: Record<string, string>;
	ciLower?: string;
	ciUpper?: string;
	n?: string;
	/** Decimal mark of the value columns; 'auto' reads '87,4' and '87.4' alike. */
	decimal?: DecimalSeparator;
}

const column = z.string().trim().min(1).max(200);

export const columnMappingSchema = z.object({
	indicator: z.union([z.object({ column }), z.object({ name: z.string().trim().min(1).max(200) })]).optional(),
	area: column,
	areaCode: column.optional(),
	period: z.union([column, z.object({ fixed: z.string().trim().min(1).max(40) })]),
	value: column,
	unit: column.optional(),
	breakdown: z.record(z.string().trim().min(1).max(40), column).optional(),
	ciLower: column.optional(),
	ciUpper: column.optional(),
	n: column.optional(),
	decimal: z.enum([',', '.', 'auto']).optional()
}) satisfies z.ZodType<ColumnMapping>;

export type MappingRole = 'area' | 'period' | 'value';

export type SuggestedMapping =
	{ ok: true; mapping: ColumnMapping } | { ok: false; missing: MappingRole[]; partial: Partial<ColumnMapping> };

/** Metadata a facilitator gives an upload (source, unit, owner), all optional, each a short text. */
export const uploadMetaSchema = indicatorMetaSchema
	.omit({ namn: true })
	.partial()
	.refine((meta) => Object.values(meta).every((v) => typeof v !== 'string' || v.length <= 2000), {
		message: 'each metadata text must be at most 2000 characters'
	});

/** A query parameter holding JSON, validated by `schema`. */
function jsonParam<T>(schema: z.ZodType<T>, name: string) {
	return z
		.string()
		.max(8000)
		.transform((text, ctx) => {
			try {
				return JSON.parse(text) as unknown;
			} catch {
				ctx.addIssue({ code: 'custom', message: `${name} must be URL-encoded JSON` });
				return z.NEVER;
			}
		})
		.pipe(schema);
}

const sheet = z
	.string()
	.trim()
	.min(1)
	.max(100)
	.transform((text) => (/^\d+$/.test(text) ? Number(text) : text));

/** `POST …/indicators?format=&mapping=&sheet=&meta=`, and the same for `…/indicators/preview`. */
export const importQuerySchema = z.object({
	format: z.enum(IMPORT_FORMATS, { message: `format must be one of ${IMPORT_FORMATS.join(', ')}` }).optional(),
	mapping: jsonParam(columnMappingSchema, 'mapping').optional(),
	sheet: sheet.optional(),
	meta: jsonParam(uploadMetaSchema, 'meta').optional()
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

/** `POST …/indicators/preview` → what an upload holds, without storing anything. */
export type UploadPreview =
	| {
			format: 'csv' | 'xlsx';
			table: TablePreview;
			suggestion: SuggestedMapping;
			/** What saving would store, with the given mapping or else the suggested one, when either is complete. */
			summary?: ImportSummary;
			/** Why the mapping does not give any rows yet, in the importer's words. */
			problem?: { reason: ImportErrorCode; message: string };
	  }
	| { format: Exclude<ImportFormat, 'csv' | 'xlsx'>; summary: ImportSummary };

// ── Kolada ────────────────────────────────────────────────────────────────────

/** `GET …/indicators/kolada/kpis?title=` and `…/kolada/municipalities?title=` */
export const searchQuerySchema = z.object({
	title: z.string().trim().min(2, 'title must be at least 2 characters').max(100)
});

export interface KpiHit {
	id: string;
	title: string;
	description?: string;
	operatingArea?: string;
}

export interface MunicipalityHit {
	id: string;
	title: string;
	/** K kommun, L landsting/region (R in some v3 clients). */
	type?: string;
}

export interface KpiSearchResponse {
	kpis: KpiHit[];
}

export interface MunicipalitySearchResponse {
	municipalities: MunicipalityHit[];
}

const municipality = z.object({
	id: z.string().regex(/^(\d{4}|G\d{1,8})$/, 'municipality ids are Kolada area codes such as 0180'),
	title: z.string().trim().min(1).max(100)
});

/** `POST …/indicators/kolada` { kpi, municipalities } → ImportSummary */
export const koladaFetchSchema = z.object({
	kpi: z.string().regex(/^[A-Z]\d{5}$/, 'kpi must be a Kolada KPI id such as N15008'),
	municipalities: z.array(municipality).max(30, 'at most 30 municipalities per fetch').default([])
});
export type KoladaFetchRequest = z.input<typeof koladaFetchSchema>;

// ── PxWeb ─────────────────────────────────────────────────────────────────────

/** `POST …/indicators/pxweb` { url, query? } → ImportSummary */
export const pxwebFetchSchema = z.object({
	url: z.string().trim().min(1).max(2100, 'PxWeb URLs are at most about 2100 characters'),
	query: z.record(z.string(), z.unknown()).optional()
});
export type PxWebFetchRequest = z.input<typeof pxwebFetchSchema>;

/** `GET …/indicators/pxweb/variables?url=` → the table's variables (PxWebV1Table in the domain). */
export const pxwebVariablesQuerySchema = z.object({ url: pxwebFetchSchema.shape.url });
