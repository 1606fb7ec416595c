import { answerQuestion, ANSWER_REFUSAL_MESSAGES, ownAnswers } from '$lib/domain/responses/answers';
import type { AnswerValue, Question, ResponsePhase } from '$lib/domain/responses/questions';
import { summariseAll, type QuestionSummary } from '$lib/domain/responses/summary';
import type { Sector } from '$lib/domain/workshop/sectors';
import { readAnswers, writeAnswers } from '$lib/sync/responses';
import type { DocRegistry } from '../realtime/doc-registry';
import { MethodError } from './method-error';

/**
 * The answer box: who answered what, kept in the server-only `ballots` document (no
 * client can open it), so the server can allow one answer per person and question
 * while everyone else, the facilitator included, sees only anonymous summaries.
 */
export class ResponseBox {
	constructor(private readonly docs: DocRegistry) {}

	async answer(
		workshopId: string,
		input: {
			phase: ResponsePhase;
			open: boolean;
			questions: readonly Question[];
			participantId: string;
			sector: Sector;
			questionId: string;
			value: AnswerValue;
		}
	): Promise<void> {
		const live = await this.docs.get(workshopId, 'ballots');
		const result = answerQuestion(readAnswers(live.doc, input.phase), input);
		if (!result.ok)
			throw new MethodError(
				result.error === 'no-such-question' ? 'not_found' : 'bad_request',
				ANSWER_REFUSAL_MESSAGES[result.error],
				result.error
			);
		await this.docs.transact(live, (doc) => writeAnswers(doc, input.phase, result.value));
	}

	async hasAnswers(workshopId: string, phase: ResponsePhase): Promise<boolean> {
		const live = await this.docs.get(workshopId, 'ballots');
		return readAnswers(live.doc, phase).length > 0;
	}

	async mine(workshopId: string, phase: ResponsePhase, participantId: string): Promise<Record<string, AnswerValue>> {
		const live = await this.docs.get(workshopId, 'ballots');
		return ownAnswers(readAnswers(live.doc, phase), participantId);
	}

	async summaries(workshopId: string, phase: ResponsePhase, questions: readonly Question[]): Promise<QuestionSummary[]> {
		const live = await this.docs.get(workshopId, 'ballots');
		return summariseAll(questions, readAnswers(live.doc, phase));
	}
}
