import { z } from 'zod';
import { sectorSchema } from '../workshop/sectors';
import { DATA_LEVELS, DATA_USES, DETAIL_TEXT_MAX, isHttpUrl } from './available-data';
import { CARD_KINDS, CARD_TEXT_MAX, type Card } from './card';
import { NEXT_STEP_PROMPTS, OWNER_MAX, isIsoDate } from './next-step';

/**
 * Validators for a card and its fields. One set serves every boundary: a browser's
 * command, an entry read back from a stored document, and an imported archive. The
 * `satisfies` clause keeps the shape equal to the domain type.
 */
export const idSchema = z.string().min(1).max(64).regex(/^\S+$/, 'must not contain whitespace');
export const timestampSchema = z.string().min(1).max(40);
export const isoDateSchema = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD');
export const authorSectorSchema = z.union([sectorSchema, z.literal('facilitator')]);

export const trimmedText = (max: number) =>
	z.string().refine((text) => text.trim().length > 0 && text.trim().length <= max, `must be 1–${max} characters`);

export const availableSchema = z.object({
	wishIds: z.array(idSchema).min(1).max(200),
	source: trimmedText(DETAIL_TEXT_MAX),
	level: z.enum(DATA_LEVELS),
	uses: z.array(z.enum(DATA_USES)).min(1).max(DATA_USES.length),
	frequency: z.string().max(DETAIL_TEXT_MAX).optional(),
	comparability: z.string().max(DETAIL_TEXT_MAX).optional(),
	url: z.string().refine(isHttpUrl, 'must be an http(s) URL').optional(),
	dataSourceId: idSchema.optional()
});

export const nextStepSchema = z.object({
	prompt: z.enum(NEXT_STEP_PROMPTS).optional(),
	owner: trimmedText(OWNER_MAX),
	due: isoDateSchema.optional()
});

export const cardTextSchema = trimmedText(CARD_TEXT_MAX);

export const cardSchema = z.object({
	id: idSchema,
	kind: z.enum(CARD_KINDS),
	text: cardTextSchema,
	authorId: idSchema,
	sector: authorSectorSchema,
	createdAt: timestampSchema,
	hidden: z.boolean().optional(),
	mergedFrom: z.array(idSchema).max(200).optional(),
	groupId: idSchema.optional(),
	available: availableSchema.optional(),
	nextStep: nextStepSchema.optional(),
	proposedDataOwner: z.string().max(OWNER_MAX).optional()
}) satisfies z.ZodType<Card>;
