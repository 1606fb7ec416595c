import { z } from 'zod';
import { indicatorMetaSchema, observationSchema } from '../indicators/schema';
import { authorSectorSchema, idSchema, timestampSchema } from '../cards/card-schema';

/**
 * Validators for the indicators of an archive document: the catalogue entry,
 * the imported data and the participants' readings, as the workshop's
 * `indicators` document holds them. The request size limit bounds how much data
 * one file may carry; texts get a generous bound of their own.
 */
const TEXT_BOUND = 2000;

const dimensionLabelsSchema = z.object({
	label: z.string().max(TEXT_BOUND),
	categories: z.record(z.string(), z.string().max(TEXT_BOUND))
});

const indicatorDataSchema = z.object({
	observations: z.array(observationSchema),
	dimensions: z.record(z.string(), dimensionLabelsSchema).optional(),
	sourceDetails: z.record(z.string(), z.string().max(TEXT_BOUND)).optional(),
	periodNote: z.string().max(TEXT_BOUND).optional(),
	updatedAt: z.string().max(40)
});

export const archivedIndicatorSchema = z
	.object({
		id: idSchema,
		meta: indicatorMetaSchema,
		templateId: z.string().min(1).max(64).optional(),
		linkedCardIds: z.array(idSchema).max(1000),
		createdAt: z.string().max(40),
		data: indicatorDataSchema.nullable()
	})
	.refine((indicator) => indicator.data?.observations.every((o) => o.indicatorId === indicator.id) ?? true, {
		message: 'observations must belong to their indicator'
	});

export const archivedReadingSchema = z.object({
	id: idSchema,
	indicatorId: idSchema,
	authorId: idSchema,
	sector: authorSectorSchema,
	text: z.string().refine((text) => text.trim().length > 0 && text.length <= TEXT_BOUND, 'must not be empty'),
	createdAt: timestampSchema,
	point: z
		.object({ area: z.string().min(1).max(200), period: z.string().min(1).max(100), breakdown: z.record(z.string(), z.string()) })
		.optional()
});

export type ArchivedIndicator = z.infer<typeof archivedIndicatorSchema>;
export type ArchivedReading = z.infer<typeof archivedReadingSchema>;
