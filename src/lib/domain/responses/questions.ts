import { z } from 'zod';
import { sectorSchema, type Sector } from '../workshop/sectors';

/**
 * The phases in which participants answer anonymously from their phones: an opening
 * and a closing reflection (the seed's Mentimeter question *Vad tar du med dig från
 * idag?*, seed 003) and the end-of-workshop evaluation (seed 004's *Samverkan på
 * riktigt*). Answers are accepted only while the workshop is in that phase.
 */
export const RESPONSE_PHASES = ['reflektion-start', 'reflektion', 'utvardering'] as const;
export type ResponsePhase = (typeof RESPONSE_PHASES)[number];

export function isResponsePhase(value: unknown): value is ResponsePhase {
	return typeof value === 'string' && (RESPONSE_PHASES as readonly string[]).includes(value);
}

export const QUESTION_KINDS = ['open', 'choice', 'scale'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * What an evaluation question measures, so the programme can count it across workshops
 * even when a facilitator rewords it (seed 004: *två av tre* said the conference
 * strengthened collaboration, *9 av 10* planned new initiatives, and at the next one
 * *mer än hälften* said it had led to new collaboration initiatives).
 */
export const OUTCOME_MEASURES = ['collaboration', 'initiatives', 'data-useful', 'follow-up-initiatives'] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

export const QUESTION_PROMPT_MAX = 200;
export const CHOICE_TEXT_MAX = 80;
export const CHOICES_MAX = 8;
export const QUESTIONS_PER_PHASE_MAX = 6;
/** A phone answer, about a tweet: long enough for a thought, short enough for the projector. */
export const ANSWER_TEXT_MAX = 280;
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

const questionId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 of a–z, 0–9 and -, starting with a letter or digit');
const line = (max: number) => z.string().trim().min(1).max(max);

/** One question as the facilitator sets it; choices only (and required) for single choice. */
export const questionSchema = z
	.discriminatedUnion('kind', [
		z.object({ id: questionId, kind: z.literal('open'), prompt: line(QUESTION_PROMPT_MAX) }).strict(),
		z
			.object({
				id: questionId,
				kind: z.literal('choice'),
				prompt: line(QUESTION_PROMPT_MAX),
				choices: z.array(line(CHOICE_TEXT_MAX)).min(2).max(CHOICES_MAX)
			})
			.strict(),
		z
			.object({
				id: questionId,
				kind: z.literal('scale'),
				prompt: line(QUESTION_PROMPT_MAX),
				measure: z.enum(OUTCOME_MEASURES).optional()
			})
			.strict()
	])
	.refine((q) => q.kind !== 'choice' || new Set(q.choices).size === q.choices.length, { message: 'choices must differ' });

export type Question = z.infer<typeof questionSchema>;

/** A phase's questions: at least one, ids unique. */
export const questionListSchema = z
	.array(questionSchema)
	.min(1)
	.max(QUESTIONS_PER_PHASE_MAX)
	.refine((list) => new Set(list.map((q) => q.id)).size === list.length, { message: 'question ids must be unique' });

/** An answer as it arrives: text for an open question, a choice's index, or 1–5. */
export type AnswerValue = string | number;

export interface Answer {
	questionId: string;
	participantId: string;
	sector: Sector;
	value: AnswerValue;
}

export const answerSectorSchema = sectorSchema;

/** The languages default questions are written in (the app's, without importing the UI layer). */
export type Lang = 'sv' | 'en';
