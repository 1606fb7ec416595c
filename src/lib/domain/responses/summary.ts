import type { Sector } from '../workshop/sectors';
import { SCALE_MAX, SCALE_MIN, type Answer, type Question } from './questions';
import { wordCounts, type WordCount } from './word-counts';

/**
 * What everyone may see of a question's answers: how many answered, and the answers
 * without anyone's identity. Open answers are listed with their sector only, sorted by
 * sector and text so their order does not tell who answered when.
 */
export type QuestionSummary =
	| { questionId: string; kind: 'open'; respondents: number; entries: { sector: Sector; text: string }[]; words: WordCount[] }
	| { questionId: string; kind: 'choice'; respondents: number; counts: number[] }
	| { questionId: string; kind: 'scale'; respondents: number; counts: number[]; mean: number | null; agree: number };

/** A scale answer of 4 or 5 agrees: "7 av 10 planerar nya initiativ". */
export const AGREE_FROM = 4;

export function summarise(question: Question, answers: readonly Answer[]): QuestionSummary {
	const own = answers.filter((a) => a.questionId === question.id);
	const respondents = own.length;
	switch (question.kind) {
		case 'open': {
			const entries = own
				.map((a) => ({ sector: a.sector, text: String(a.value) }))
				.sort((a, b) => a.sector.localeCompare(b.sector) || a.text.localeCompare(b.text, 'sv'));
			return { questionId: question.id, kind: 'open', respondents, entries, words: wordCounts(entries.map((e) => e.text)) };
		}
		case 'choice': {
			const counts = question.choices.map((_, index) => own.filter((a) => a.value === index).length);
			return { questionId: question.id, kind: 'choice', respondents, counts };
		}
		case 'scale': {
			const counts = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => own.filter((a) => a.value === SCALE_MIN + i).length);
			const total = own.reduce((sum, a) => sum + Number(a.value), 0);
			const mean = respondents === 0 ? null : Math.round((total / respondents) * 10) / 10;
			const agree = own.filter((a) => Number(a.value) >= AGREE_FROM).length;
			return { questionId: question.id, kind: 'scale', respondents, counts, mean, agree };
		}
	}
}

/** The summaries of a phase's questions, in the questions' order. */
export function summariseAll(questions: readonly Question[], answers: readonly Answer[]): QuestionSummary[] {
	return questions.map((question) => summarise(question, answers));
}
