import { z } from 'zod';
import { indicatorMetaSchema } from '$lib/domain/indicators';
import { IMPORT_FORMATS } from '../importers/detect';
import type { ColumnMapping } from '../importers/table-mapping';

/** Request shapes of the indicator endpoints; the README documents each. */

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

export const searchQuerySchema = z.object({
	title: z.string().trim().min(2, 'title must be at least 2 characters').max(100)
});

const municipality = z.object({
	id: z.string().regex(/^(\d{4}|G\d{1,8})$/, 'municipality ids are Kolada area codes such as 0180'),
	title: z.string().trim().min(1).max(100)
});

export const koladaFetchSchema = z.object({
	kpi: z.string().regex(/^[A-Z]\d{5}$/, 'kpi must be a Kolada KPI id such as N15008'),
	municipalities: z.array(municipality).max(30, 'at most 30 municipalities per fetch').default([])
});

export const pxwebFetchSchema = z.object({
	url: z.string().trim().min(1).max(2100, 'PxWeb URLs are at most about 2100 characters'),
	query: z.record(z.string(), z.unknown()).optional()
});

/** `GET …/indicators/pxweb/variables?url=` */
export const pxwebVariablesQuerySchema = z.object({ url: pxwebFetchSchema.shape.url });

/** What a PxWeb v1 table says about itself (GET on the table's address); codes and texts pair up. */
export const pxwebV1TableSchema = z.object({
	title: z.string(),
	variables: z
		.array(
			z
				.object({
					code: z.string().min(1),
					text: z.string(),
					values: z.array(z.string()).min(1),
					valueTexts: z.array(z.string()),
					elimination: z.boolean().optional(),
					time: z.boolean().optional()
				})
				.refine((variable) => variable.values.length === variable.valueTexts.length, 'values and valueTexts differ in length')
		)
		.min(1)
});
