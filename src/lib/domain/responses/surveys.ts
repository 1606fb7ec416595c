import { defaultQuestions } from './default-questions';
import type { Lang, Question, ResponsePhase } from './questions';
import type { QuestionSummary } from './summary';

/** The questions the facilitator set per phase; a phase left out asks its defaults. */
export type Surveys = Partial<Record<ResponsePhase, Question[]>>;

/** What everyone sees of the answers, per phase (see `summary.ts`). */
export type ResponseSummaries = Partial<Record<ResponsePhase, QuestionSummary[]>>;

/**
 * The questions of `phase`: the facilitator's, or the defaults in `lang`. Default
 * question ids are the same in every language, so the server checks answers against
 * the Swedish set and an English phone answers the same question.
 */
export function questionsFor(phase: ResponsePhase, surveys: Surveys, options: { lang: Lang; followUp: boolean }): Question[] {
	return surveys[phase] ?? defaultQuestions(phase, options);
}
