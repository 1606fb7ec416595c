import { OUTCOME_MEASURES, type OutcomeMeasure, type Question } from './questions';
import type { QuestionSummary } from './summary';
import { questionsFor, type ResponseSummaries, type Surveys } from './surveys';

/** "7 av 10": how many agreed (4 or 5) of how many answered. */
export interface OutcomeCount {
	agree: number;
	of: number;
}

export type Outcomes = Partial<Record<OutcomeMeasure, OutcomeCount>>;

/** A workshop's evaluation results per measure; a measure nobody was asked or answered is left out. */
export function workshopOutcomes(questions: readonly Question[], summaries: readonly QuestionSummary[]): Outcomes {
	const outcomes: Outcomes = {};
	for (const question of questions) {
		if (question.kind !== 'scale' || !question.measure) continue;
		const summary = summaries.find((s) => s.questionId === question.id);
		if (summary?.kind !== 'scale' || summary.respondents === 0) continue;
		const before = outcomes[question.measure] ?? { agree: 0, of: 0 };
		outcomes[question.measure] = { agree: before.agree + summary.agree, of: before.of + summary.respondents };
	}
	return outcomes;
}

/** The programme's results: each measure summed over the workshops that asked it. */
export function sumOutcomes(list: readonly Outcomes[]): Outcomes {
	const total: Outcomes = {};
	for (const outcomes of list) {
		for (const measure of OUTCOME_MEASURES) {
			const count = outcomes[measure];
			if (!count) continue;
			const before = total[measure] ?? { agree: 0, of: 0 };
			total[measure] = { agree: before.agree + count.agree, of: before.of + count.of };
		}
	}
	return total;
}

/** The evaluation's results from what a workshop holds: its questions (the defaults unless set) and the summaries. */
export function evaluationOutcomes(responses: { surveys: Surveys; summaries: ResponseSummaries; followUp: boolean }): Outcomes {
	const questions = questionsFor('utvardering', responses.surveys, { lang: 'sv', followUp: responses.followUp });
	return workshopOutcomes(questions, responses.summaries.utvardering ?? []);
}
