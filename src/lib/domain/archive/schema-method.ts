import { z } from 'zod';
import { DATA_LEVELS, DATA_USES, DETAIL_TEXT_MAX, isHttpUrl } from '../cards/available-data';
import { CARD_KINDS, CARD_TEXT_MAX, type Card } from '../cards/card';
import type { ModerationEntry } from '../cards/moderation';
import { NEXT_STEP_PROMPTS, OWNER_MAX, isIsoDate } from '../cards/next-step';
import { TIMEBOX_MAX_MINUTES } from '../method/agenda';
import { VOTE_BUDGET_MAX } from '../method/dot-vote';
import type { Group } from '../method/groups';
import { ADD_CARD_POLICIES } from '../method/live-state';
import { PHASES } from '../method/phases';
import { GOAL_TEXT_MAX, QUESTION_ANGLES, QUESTION_TEXT_MAX, type Preparation } from '../method/preparation';
import type { TallyRow } from '../method/vote-tally';
import { SECTORS } from '../workshop/sectors';

/**
 * Validators for the method part of an archive document (cards, preparation,
 * agenda, vote, groups, moderation). An imported file is untrusted, so every
 * field is checked with the same limits the live workshop enforces; the
 * `satisfies` clauses keep the shapes equal to the domain types.
 */
export const idSchema = z.string().min(1).max(64).regex(/^\S+$/, 'must not contain whitespace');
export const timestampSchema = z.string().min(1).max(40);
export const isoDateSchema = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD');
export const authorSectorSchema = z.enum([...SECTORS, 'facilitator']);

const trimmedText = (max: number) =>
	z.string().refine((text) => text.trim().length > 0 && text.trim().length <= max, `must be 1–${max} characters`);

const availableSchema = z.object({
	wishIds: z.array(idSchema).min(1).max(200),
	source: trimmedText(DETAIL_TEXT_MAX),
	level: z.enum(DATA_LEVELS),
	uses: z.array(z.enum(DATA_USES)).min(1).max(DATA_USES.length),
	frequency: z.string().max(DETAIL_TEXT_MAX).optional(),
	comparability: z.string().max(DETAIL_TEXT_MAX).optional(),
	url: z.string().refine(isHttpUrl, 'must be an http(s) URL').optional(),
	dataSourceId: idSchema.optional()
});

const nextStepSchema = z.object({
	prompt: z.enum(NEXT_STEP_PROMPTS),
	owner: trimmedText(OWNER_MAX),
	due: isoDateSchema.optional()
});

export const cardSchema = z.object({
	id: idSchema,
	kind: z.enum(CARD_KINDS),
	text: trimmedText(CARD_TEXT_MAX),
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

const questionSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('theme'), themeId: idSchema, angle: z.enum(QUESTION_ANGLES) }),
	z.object({ kind: z.literal('custom'), text: trimmedText(QUESTION_TEXT_MAX) })
]);

export const preparationSchema = z.object({
	goal: z
		.discriminatedUnion('kind', [
			z.object({ kind: z.literal('template'), goalId: idSchema }),
			z.object({ kind: z.literal('custom'), text: trimmedText(GOAL_TEXT_MAX) })
		])
		.nullable(),
	themeId: idSchema.nullable(),
	question: questionSchema.nullable(),
	expectedParticipants: z.number().int().min(1).max(10_000).nullable(),
	firstDialogue: z.boolean()
}) satisfies z.ZodType<Preparation>;

const phaseSettingsSchema = z.object({
	whoMayAdd: z.enum(ADD_CARD_POLICIES),
	privateWriting: z.boolean(),
	locked: z.boolean(),
	revealed: z.boolean()
});

/** Phase, agenda and per-phase rules: what a workshop needs to continue where it stopped. */
export const methodSchema = z
	.object({
		phase: z.enum(PHASES),
		agenda: z
			.array(z.object({ phase: z.enum(PHASES), minutes: z.number().int().min(1).max(TIMEBOX_MAX_MINUTES).optional() }))
			.min(1)
			.max(PHASES.length),
		phases: z.object(Object.fromEntries(PHASES.map((phase) => [phase, phaseSettingsSchema])) as Record<
			(typeof PHASES)[number],
			typeof phaseSettingsSchema
		>)
	})
	.refine((method) => new Set(method.agenda.map((item) => item.phase)).size === method.agenda.length, {
		message: 'agenda lists a phase twice'
	});

const tallyRowSchema = z.object({
	cardId: idSchema,
	votes: z.number().int().min(0),
	rank: z.number().int().min(1),
	tied: z.boolean()
}) satisfies z.ZodType<TallyRow>;

/** The vote as everyone may see it: no individual dots, results once closed. */
export const publicVoteSchema = z.object({
	status: z.enum(['open', 'closed']),
	budget: z.number().int().min(1).max(VOTE_BUDGET_MAX),
	perCardCap: z.number().int().min(1).max(VOTE_BUDGET_MAX).nullable(),
	cardIds: z.array(idSchema).max(1000),
	progress: z.object({ dots: z.number().int().min(0), voters: z.number().int().min(0) }),
	tally: z.array(tallyRowSchema).max(1000).nullable()
});

export const groupSchema = z.object({
	id: idSchema,
	memberIds: z.array(idSchema).max(1000),
	question: questionSchema.nullable()
}) satisfies z.ZodType<Group>;

export const moderationEntrySchema = z.object({
	cardId: idSchema,
	action: z.enum(['hide', 'unhide']),
	at: timestampSchema,
	text: z.string().max(CARD_TEXT_MAX),
	sector: authorSectorSchema,
	reason: z.string().max(CARD_TEXT_MAX).optional()
}) satisfies z.ZodType<ModerationEntry>;

export type ArchivedMethod = z.infer<typeof methodSchema>;
export type ArchivedVote = z.infer<typeof publicVoteSchema>;
