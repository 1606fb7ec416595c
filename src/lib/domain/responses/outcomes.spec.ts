import { describe, expect, it } from 'vitest';
import { defaultQuestions } from './default-questions';
import { sumOutcomes, workshopOutcomes } from './outcomes';
import type { Answer } from './questions';
import { summariseAll } from './summary';

const scale = (questionId: string, values: number[]): Answer[] =>
	values.map((value, i) => ({ questionId, participantId: `p${i}`, sector: 'skola', value }));

describe('workshopOutcomes', () => {
	it('counts, per measure of the evaluation, how many agreed of how many answered', () => {
		const questions = defaultQuestions('utvardering', { lang: 'sv' });
		const answers = [...scale('samverkan', [5, 4, 2]), ...scale('nya-initiativ', [4, 4, 5]), ...scale('data-nytta', [1])];
		expect(workshopOutcomes(questions, summariseAll(questions, answers))).toEqual({
			collaboration: { agree: 2, of: 3 },
			initiatives: { agree: 3, of: 3 },
			'data-useful': { agree: 0, of: 1 }
		});
	});

	it('asks a follow-up whether the first dialogue led to new collaboration initiatives', () => {
		const questions = defaultQuestions('utvardering', { lang: 'en', followUp: true });
		expect(questions.map((q) => q.id)).toContain('ledde-till-initiativ');
		const outcomes = workshopOutcomes(questions, summariseAll(questions, scale('ledde-till-initiativ', [5, 1])));
		expect(outcomes['follow-up-initiatives']).toEqual({ agree: 1, of: 2 });
	});
});

describe('sumOutcomes', () => {
	it('adds up each measure over the workshops that asked it', () => {
		expect(
			sumOutcomes([{ initiatives: { agree: 3, of: 4 } }, { initiatives: { agree: 4, of: 6 }, collaboration: { agree: 1, of: 2 } }, {}])
		).toEqual({ initiatives: { agree: 7, of: 10 }, collaboration: { agree: 1, of: 2 } });
	});
});
