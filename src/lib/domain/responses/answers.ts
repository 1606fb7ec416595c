import { err, ok, type Result } from '../method/result';
import type { Sector } from '../workshop/sectors';
import { ANSWER_TEXT_MAX, SCALE_MAX, SCALE_MIN, type Answer, type AnswerValue, type Question } from './questions';

export type AnswerRefusal = 'phase-closed' | 'no-such-question' | 'wrong-kind' | 'empty' | 'too-long' | 'not-a-choice' | 'out-of-range';

/**
 * Records `participantId`'s answer to one question of the open phase. A person has one
 * answer per question: answering again replaces it (a change of mind, or a retry after
 * a lost acknowledgement), so nobody is ever counted twice. Answers are refused once
 * the phase has closed, so the report shows what the room said while it was asked.
 */
export function answerQuestion(
	answers: readonly Answer[],
	input: { questions: readonly Question[]; open: boolean; participantId: string; sector: Sector; questionId: string; value: AnswerValue }
): Result<Answer[], AnswerRefusal> {
	if (!input.open) return err('phase-closed');
	const question = input.questions.find((q) => q.id === input.questionId);
	if (!question) return err('no-such-question');
	const value = checkValue(question, input.value);
	if (!value.ok) return value;
	const answer: Answer = { questionId: question.id, participantId: input.participantId, sector: input.sector, value: value.value };
	const others = answers.filter((a) => !(a.questionId === question.id && a.participantId === input.participantId));
	return ok([...others, answer]);
}

function checkValue(question: Question, value: AnswerValue): Result<AnswerValue, AnswerRefusal> {
	switch (question.kind) {
		case 'open': {
			if (typeof value !== 'string') return err('wrong-kind');
			const text = value.normalize('NFC').trim();
			if (text === '') return err('empty');
			return text.length > ANSWER_TEXT_MAX ? err('too-long') : ok(text);
		}
		case 'choice':
			if (typeof value !== 'number' || !Number.isInteger(value)) return err('wrong-kind');
			return value >= 0 && value < question.choices.length ? ok(value) : err('not-a-choice');
		case 'scale':
			if (typeof value !== 'number' || !Number.isInteger(value)) return err('wrong-kind');
			return value >= SCALE_MIN && value <= SCALE_MAX ? ok(value) : err('out-of-range');
	}
}

/** A person's own answers, keyed by question id, so their phone can show and change them. */
export function ownAnswers(answers: readonly Answer[], participantId: string): Record<string, AnswerValue> {
	return Object.fromEntries(answers.filter((a) => a.participantId === participantId).map((a) => [a.questionId, a.value]));
}

/** English explanations of the refusals, for API errors. */
export const ANSWER_REFUSAL_MESSAGES: Record<AnswerRefusal, string> = {
	'phase-closed': 'answers are taken only while the workshop is in that phase',
	'no-such-question': 'no such question in that phase',
	'wrong-kind': 'the answer does not fit the question (text for an open question, a number for a choice or a scale)',
	empty: 'the answer is empty',
	'too-long': `the answer is longer than ${ANSWER_TEXT_MAX} characters`,
	'not-a-choice': 'that choice is not one of the question’s choices',
	'out-of-range': `a scale answer is a whole number from ${SCALE_MIN} to ${SCALE_MAX}`
};
