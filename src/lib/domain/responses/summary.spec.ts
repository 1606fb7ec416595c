import { describe, expect, it } from 'vitest';
import type { Answer, Question } from './questions';
import { summarise } from './summary';

const a = (participantId: string, sector: Answer['sector'], questionId: string, value: Answer['value']): Answer => ({
	questionId,
	participantId,
	sector,
	value
});

describe('summarise', () => {
	it('lists open answers with their sector only, sorted so the order does not tell who answered when', () => {
		const question: Question = { id: 'ta-med', kind: 'open', prompt: 'Vad tar du med dig?' };
		const summary = summarise(question, [
			a('p3', 'skola', 'ta-med', 'Samverkan över gränser'),
			a('p1', 'polis', 'ta-med', 'Lägesbilden'),
			a('p2', 'skola', 'ta-med', 'Data om samverkan'),
			a('p2', 'skola', 'annan', 'ignorerad')
		]);
		expect(summary).toMatchObject({
			kind: 'open',
			respondents: 3,
			entries: [
				{ sector: 'polis', text: 'Lägesbilden' },
				{ sector: 'skola', text: 'Data om samverkan' },
				{ sector: 'skola', text: 'Samverkan över gränser' }
			]
		});
		expect(JSON.stringify(summary)).not.toMatch(/p[123]/);
		expect(summary.kind === 'open' && summary.words[0]).toEqual({ word: 'samverkan', count: 2 });
	});

	it('counts single-choice answers per choice', () => {
		const question: Question = { id: 'tempo', kind: 'choice', prompt: 'Tempot?', choices: ['Långsamt', 'Lagom', 'Snabbt'] };
		expect(summarise(question, [a('p1', 'skola', 'tempo', 1), a('p2', 'polis', 'tempo', 1), a('p3', 'fritid', 'tempo', 2)])).toEqual({
			questionId: 'tempo',
			kind: 'choice',
			respondents: 3,
			counts: [0, 2, 1]
		});
	});

	it('counts a 1–5 scale, its mean, and how many agreed with 4 or 5', () => {
		const question: Question = { id: 'nytta', kind: 'scale', prompt: 'Nytta?' };
		const answers = [1, 4, 5, 5].map((value, i) => a(`p${i}`, 'skola', 'nytta', value));
		expect(summarise(question, answers)).toEqual({
			questionId: 'nytta',
			kind: 'scale',
			respondents: 4,
			counts: [1, 0, 0, 1, 2],
			mean: 3.8,
			agree: 3
		});
	});

	it('has no mean before anyone answered', () => {
		expect(summarise({ id: 'nytta', kind: 'scale', prompt: 'Nytta?' }, [])).toMatchObject({ respondents: 0, mean: null, agree: 0 });
	});
});
