import { z } from 'zod';
import { INDICATOR_LEVELS, INDICATOR_TYPES, KINDS_OF_USE, type IndicatorMeta } from './indicator-meta';
import { AREA_LEVELS, OBSERVATION_STATUSES, type Observation } from './observation';

/**
 * Runtime validators for indicator data that crosses a trust boundary: the
 * JSON files under workshop-templates/ and, later, indicator data arriving from
 * clients. They mirror the TypeScript types exactly (checked by `satisfies`).
 */

export const indicatorMetaSchema = z.object({
	namn: z.string().min(1),
	mal: z.string().optional(),
	delmal: z.string().optional(),
	typ: z.enum(INDICATOR_TYPES).optional(),
	niva: z.enum(INDICATOR_LEVELS).optional(),
	definition: z.string().optional(),
	syfte: z.string().optional(),
	riskForFeltolkning: z.string().optional(),
	malgrupp: z.string().optional(),
	datakalla: z.string().optional(),
	frekvens: z.string().optional(),
	unit: z.string().optional(),
	attribution: z.string().optional(),
	licence: z.string().optional(),
	dataOwner: z.string().optional(),
	kindOfUse: z.enum(KINDS_OF_USE).optional()
}) satisfies z.ZodType<IndicatorMeta>;

export const areaSchema = z.object({
	code: z.string().min(1),
	name: z.string().min(1),
	level: z.enum(AREA_LEVELS).optional()
});

export const observationSchema = z
	.object({
		indicatorId: z.string().min(1),
		area: areaSchema,
		period: z.string().min(1),
		periodEndYear: z.number().int().optional(),
		breakdown: z.record(z.string(), z.string()),
		value: z.number().nullable(),
		status: z.enum(OBSERVATION_STATUSES),
		ciLower: z.number().optional(),
		ciUpper: z.number().optional(),
		n: z.number().nonnegative().optional()
	})
	.refine((o) => (o.value === null) === (o.status === 'missing' || o.status === 'suppressed'), {
		message: 'value must be null exactly when status is missing or suppressed'
	}) satisfies z.ZodType<Observation>;

/** Where a figure was read: a document (seed file or report), the line, the words as written, and who published them. */
export const sourceRefSchema = z.object({
	document: z.string().min(1),
	line: z.number().int().positive(),
	quote: z.string().min(1),
	publisher: z.string().min(1)
});

/** One row of an indicator catalogue, keeping the source row number and the Typ cell as written. */
export const catalogueEntrySchema = indicatorMetaSchema.extend({
	id: z.string().min(1),
	/** True for the template's own "Ex:" rows, which show how to fill the table. */
	exempel: z.boolean(),
	typText: z.string(),
	sourceLine: z.number().int().positive()
});

export const indicatorCatalogueSchema = z.object({
	schemaVersion: z.literal(1),
	id: z.string().min(1),
	title: z.string().min(1),
	source: z.object({
		document: z.string().min(1),
		lines: z.string().min(1),
		publisher: z.string().min(1),
		notes: z.array(z.string())
	}),
	entries: z.array(catalogueEntrySchema).min(1)
});

export const demoIndicatorSchema = z.object({
	id: z.string().min(1),
	name: z.string().min(1),
	unit: z.string().optional(),
	meta: indicatorMetaSchema.extend({ riskForFeltolkning: z.string().min(1) }),
	/** Says what the period label means when the source gives no reference year. */
	periodNote: z.string().optional(),
	observations: z.array(z.intersection(observationSchema, z.object({ source: sourceRefSchema }))).min(1)
});

export const demoIndicatorSetSchema = z.object({
	schemaVersion: z.literal(1),
	id: z.string().min(1),
	title: z.string().min(1),
	description: z.string().min(1),
	/** Area code drawn as the reference (riket, or the city as a whole), when the set has one. */
	referenceAreaCode: z.string().optional(),
	indicators: z.array(demoIndicatorSchema).min(1)
});

export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export type IndicatorCatalogue = z.infer<typeof indicatorCatalogueSchema>;
export type DemoIndicator = z.infer<typeof demoIndicatorSchema>;
export type DemoIndicatorSet = z.infer<typeof demoIndicatorSetSchema>;
