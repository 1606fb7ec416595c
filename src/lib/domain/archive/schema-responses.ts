import { z } from 'zod';
import { RESPONSE_PHASES, SCALE_MAX, SCALE_MIN, questionListSchema, ANSWER_TEXT_MAX, type ResponsePhase } from '../responses/questions';
import type { QuestionSummary } from '../responses/summary';
import type { ResponseSummaries, Surveys } from '../responses/surveys';
import { sectorSchema } from '../workshop/sectors';

/**
 * The reflections, polls and evaluation in an archive document: the questions the
 * facilitator set and the anonymous summaries the room saw. Who answered what stays
 * in the server-only ballot box and is never archived or exported.
 */
const count = z.number().int().min(0).max(100_000);
const summarySchema = z.discriminatedUnion('kind', [
	z.object({
		questionId: z.string().min(1).max(40),
		kind: z.literal('open'),
		respondents: count,
		entries: z.array(z.object({ sector: sectorSchema, text: z.string().max(ANSWER_TEXT_MAX) })).max(100_000),
		words: z.array(z.object({ word: z.string().min(1).max(ANSWER_TEXT_MAX), count })).max(1000)
	}),
	z.object({ questionId: z.string().min(1).max(40), kind: z.literal('choice'), respondents: count, counts: z.array(count).max(20) }),
	z.object({
		questionId: z.string().min(1).max(40),
		kind: z.literal('scale'),
		respondents: count,
		counts: z.array(count).length(SCALE_MAX - SCALE_MIN + 1),
		mean: z.number().min(SCALE_MIN).max(SCALE_MAX).nullable(),
		agree: count
	})
]) satisfies z.ZodType<QuestionSummary>;

const byPhase = <T extends z.ZodType>(schema: T) =>
	z.object(Object.fromEntries(RESPONSE_PHASES.map((phase) => [phase, schema.optional()])) as Record<ResponsePhase, z.ZodOptional<T>>);

export const archivedResponsesSchema = z
	.object({
		surveys: byPhase(questionListSchema) satisfies z.ZodType<Surveys>,
		summaries: byPhase(z.array(summarySchema).max(20)) satisfies z.ZodType<ResponseSummaries>,
		followUp: z.boolean()
	})
	// Archives from before the reflections and the evaluation have none.
	.default({ surveys: {}, summaries: {}, followUp: false });

export type ArchivedResponses = z.infer<typeof archivedResponsesSchema>;
