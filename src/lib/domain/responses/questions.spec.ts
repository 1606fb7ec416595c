import { describe, expect, it } from 'vitest';
import { defaultQuestions } from './default-questions';
import { questionListSchema, RESPONSE_PHASES } from './questions';

describe('questionListSchema', () => {
	it('accepts every phase’s default questions in both languages', () => {
		for (const phase of RESPONSE_PHASES) {
			for (const lang of ['sv', 'en'] as const) expect(questionListSchema.safeParse(defaultQuestions(phase, { lang })).success).toBe(true);
		}
	});

	it('uses the same question ids in every language, so answers from an English phone count', () => {
		const ids = (lang: 'sv' | 'en') => defaultQuestions('utvardering', { lang }).map((q) => q.id);
		expect(ids('en')).toEqual(ids('sv'));
	});

	it.each([
		['a choice question without choices', [{ id: 'a', kind: 'choice', prompt: 'Q', choices: [] }]],
		['the same choice twice', [{ id: 'a', kind: 'choice', prompt: 'Q', choices: ['Ja', 'Ja'] }]],
		['choices on a scale', [{ id: 'a', kind: 'scale', prompt: 'Q', choices: ['Ja', 'Nej'] }]],
		[
			'two questions with one id',
			[
				{ id: 'a', kind: 'open', prompt: 'Q' },
				{ id: 'a', kind: 'open', prompt: 'R' }
			]
		],
		['an overlong prompt', [{ id: 'a', kind: 'open', prompt: 'x'.repeat(201) }]],
		['no questions', []]
	])('refuses %s', (_, list) => {
		expect(questionListSchema.safeParse(list).success).toBe(false);
	});
});
