import { z } from 'zod';
import type { ModerationEntry } from '../cards/moderation';
import { CARD_TEXT_MAX } from '../cards/card';
import { authorSectorSchema, idSchema, timestampSchema, trimmedText } from '../cards/card-schema';
import { agendaSchema } from '../method/agenda-schema';
import { VOTE_BUDGET_MAX } from '../method/dot-vote';
import type { Group } from '../method/groups';
import { ADD_CARD_POLICIES, DEFAULT_PHASE_RULES } from '../method/live-state';
import { PHASES } from '../method/phases';
import { GOAL_TEXT_MAX, QUESTION_ANGLES, QUESTION_TEXT_MAX, type Preparation } from '../method/preparation';
import type { TallyRow } from '../method/vote-tally';

/**
 * Validators for the method part of an archive document (cards, preparation,
 * agenda, vote, groups, moderation). An imported file is untrusted, so every
 * field is checked with the same limits the live workshop enforces; the
 * `satisfies` clauses keep the shapes equal to the domain types.
 */
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
		agenda: agendaSchema,
		// Archives written before a phase existed (the reflections, the evaluation) lack its settings: the defaults apply.
		phases: z.object(
			Object.fromEntries(
				PHASES.map((phase) => [phase, phaseSettingsSchema.default({ ...DEFAULT_PHASE_RULES[phase], revealed: false })])
			) as Record<(typeof PHASES)[number], z.ZodDefault<typeof phaseSettingsSchema>>
		)
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
