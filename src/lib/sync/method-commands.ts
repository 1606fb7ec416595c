import { z } from 'zod';
import { CARD_TEXT_MAX } from '$lib/domain/cards/card';
import { ADD_CARD_POLICIES } from '$lib/domain/method/live-state';
import { PHASES } from '$lib/domain/method/phases';
import { GOAL_TEXT_MAX, QUESTION_ANGLES, QUESTION_TEXT_MAX } from '$lib/domain/method/preparation';
import { TIMEBOX_MAX_MINUTES } from '$lib/domain/method/agenda';
import { agendaSchema } from '$lib/domain/method/agenda-schema';
import { VOTE_BUDGET_MAX } from '$lib/domain/method/dot-vote';
import { spotlightInputSchema } from '$lib/domain/method/spotlight';
import { sectorSchema, WORKSHOP_SECTORS_MAX } from '$lib/domain/workshop/sectors';
import { ANSWER_TEXT_MAX, RESPONSE_PHASES, questionListSchema } from '$lib/domain/responses/questions';
import { singleLineSchema } from '$lib/domain/workshop/text-input';

/**
 * Method commands: what facilitators (and, for readiness, votes and groups,
 * participants) ask the server to do. The server validates each against this
 * schema, checks the method's permission rule, and only then writes the `control`
 * document. Event: `command` (payload, ack) → `{ ok: true } | { ok: false, error }`.
 */
const id = z.string().min(1).max(64);
const phase = z.enum(PHASES);
const responsePhase = z.enum(RESPONSE_PHASES);
const canvas = z.string().regex(/^canvas:[a-z0-9][a-z0-9-]{0,39}$/);

const question = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('theme'), themeId: id, angle: z.enum(QUESTION_ANGLES) }),
	z.object({ kind: z.literal('custom'), text: z.string().trim().min(1).max(QUESTION_TEXT_MAX) })
]);

const goal = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('template'), goalId: id }),
	z.object({ kind: z.literal('custom'), text: z.string().trim().min(1).max(GOAL_TEXT_MAX) })
]);

export const methodCommandSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('phase.set'), phase }),
	z.object({
		type: z.literal('agenda.set'),
		agenda: agendaSchema
	}),
	z.object({
		type: z.literal('rules.set'),
		phase,
		rules: z
			.object({
				whoMayAdd: z.enum(ADD_CARD_POLICIES),
				privateWriting: z.boolean(),
				locked: z.boolean()
			})
			.partial()
	}),
	z.object({ type: z.literal('reveal'), phase }),
	z.object({ type: z.literal('timer.start') }),
	z.object({ type: z.literal('timer.pause') }),
	z.object({ type: z.literal('timer.reset') }),
	z.object({ type: z.literal('timer.set'), minutes: z.number().int().min(1).max(TIMEBOX_MAX_MINUTES) }),
	z.object({
		type: z.literal('timer.add'),
		minutes: z
			.number()
			.int()
			.min(-60)
			.max(60)
			.refine((n) => n !== 0)
	}),
	z.object({ type: z.literal('summon'), summoned: z.boolean() }),
	z.object({
		type: z.literal('preparation.set'),
		preparation: z.object({
			goal: goal.nullable(),
			themeId: id.nullable(),
			question: question.nullable(),
			expectedParticipants: z.number().int().min(1).max(10_000).nullable(),
			firstDialogue: z.boolean()
		})
	}),
	z.object({ type: z.literal('ready.set'), ready: z.boolean() }),
	z.object({
		type: z.literal('vote.open'),
		budget: z.number().int().min(1).max(VOTE_BUDGET_MAX).optional(),
		perCardCap: z.number().int().min(1).max(VOTE_BUDGET_MAX).nullable().optional()
	}),
	z.object({ type: z.literal('vote.close') }),
	z.object({ type: z.literal('vote.reopen') }),
	z.object({ type: z.literal('vote.cast'), cardId: id, voterId: id.optional() }),
	z.object({ type: z.literal('vote.retract'), cardId: id, voterId: id.optional() }),
	z.object({ type: z.literal('proxy.add'), name: singleLineSchema({ max: 40 }) }),
	z.object({ type: z.literal('proxy.remove'), proxyId: id }),
	z.object({ type: z.literal('vote.view') }),
	z.object({
		type: z.literal('groups.split'),
		maxSize: z.number().int().min(2).max(10).optional(),
		count: z.number().int().min(1).max(100).optional(),
		/** `organisation`: people from the same municipality together (the conference); otherwise sectors mixed. */
		by: z.enum(['sectors', 'organisation']).optional()
	}),
	z.object({ type: z.literal('groups.create'), count: z.number().int().min(1).max(100) }),
	z.object({ type: z.literal('groups.clear') }),
	z.object({ type: z.literal('group.join'), groupId: id }),
	z.object({ type: z.literal('group.question'), groupId: id, question: question.nullable() }),
	z.object({ type: z.literal('card.hide'), canvas, cardId: id, reason: z.string().trim().max(CARD_TEXT_MAX).optional() }),
	z.object({ type: z.literal('card.unhide'), canvas, cardId: id }),
	z.object({ type: z.literal('cards.merge'), canvas, keepId: id, mergeIds: z.array(id).min(1).max(50) }),
	z.object({ type: z.literal('groups.merge') }),
	z.object({ type: z.literal('map.remove'), mapId: id }),
	z.object({ type: z.literal('map.restore'), mapId: id }),
	z.object({ type: z.literal('spotlight.set'), spotlight: spotlightInputSchema }),
	z.object({ type: z.literal('follow.set'), follow: z.boolean() }),
	/** Whether joining asks for the participant's municipality or organisation (for conference groups). */
	z.object({ type: z.literal('join.ask'), organisation: z.boolean() }),
	/** The sectors offered at joining: the defaults, and any of the seeds' other actors. */
	z.object({
		type: z.literal('sectors.set'),
		sectors: z
			.array(sectorSchema)
			.min(1)
			.max(WORKSHOP_SECTORS_MAX)
			.refine((list) => new Set(list).size === list.length, 'each sector at most once')
	}),
	z.object({ type: z.literal('responses.questions'), phase: responsePhase, questions: questionListSchema.nullable() }),
	z
		.object({
			type: z.literal('responses.answer'),
			phase: responsePhase,
			questionId: id,
			value: z.union([z.string().max(ANSWER_TEXT_MAX), z.number().int().min(0).max(100)])
		})
		.strict(),
	z.object({ type: z.literal('responses.mine'), phase: responsePhase })
]);

export type MethodCommand = z.infer<typeof methodCommandSchema>;
