import { describe, expect, it } from 'vitest';
import { answerQuestion, ownAnswers } from './answers';
import { ANSWER_TEXT_MAX, type Answer, type Question } from './questions';

const questions: Question[] = [
	{ id: 'ta-med', kind: 'open', prompt: 'Vad tar du med dig?' },
	{ id: 'tempo', kind: 'choice', prompt: 'Tempot?', choices: ['För långsamt', 'Lagom', 'För snabbt'] },
	{ id: 'nytta', kind: 'scale', prompt: 'Nytta?' }
];
const base = { questions, open: true, participantId: 'p1', sector: 'skola' as const };

describe('answerQuestion', () => {
	it('records an open answer trimmed, with the sector of the person who answered', () => {
		const result = answerQuestion([], { ...base, questionId: 'ta-med', value: '  Samverkan med skolan  ' });
		expect(result).toEqual({
			ok: true,
			value: [{ questionId: 'ta-med', participantId: 'p1', sector: 'skola', value: 'Samverkan med skolan' }]
		});
	});

	it('keeps one answer per person and question: answering again replaces the earlier answer', () => {
		const first = answerQuestion([], { ...base, questionId: 'nytta', value: 2 });
		if (!first.ok) throw new Error(first.error);
		const other = answerQuestion(first.value, { ...base, participantId: 'p2', questionId: 'nytta', value: 5 });
		if (!other.ok) throw new Error(other.error);
		const again = answerQuestion(other.value, { ...base, questionId: 'nytta', value: 4 });
		if (!again.ok) throw new Error(again.error);
		expect(again.value.filter((a) => a.participantId === 'p1')).toEqual([
			{ questionId: 'nytta', participantId: 'p1', sector: 'skola', value: 4 }
		]);
		expect(again.value).toHaveLength(2);
	});

	it.each([
		['the phase is closed', { open: false, questionId: 'ta-med', value: 'hej' }, 'phase-closed'],
		['the question does not exist', { questionId: 'finns-inte', value: 'hej' }, 'no-such-question'],
		['an open answer is blank', { questionId: 'ta-med', value: '   ' }, 'empty'],
		['an open answer is too long', { questionId: 'ta-med', value: 'x'.repeat(ANSWER_TEXT_MAX + 1) }, 'too-long'],
		['an open question gets a number', { questionId: 'ta-med', value: 3 }, 'wrong-kind'],
		['a choice does not exist', { questionId: 'tempo', value: 3 }, 'not-a-choice'],
		['a choice is given as text', { questionId: 'tempo', value: 'Lagom' }, 'wrong-kind'],
		['a scale answer is above 5', { questionId: 'nytta', value: 6 }, 'out-of-range'],
		['a scale answer is below 1', { questionId: 'nytta', value: 0 }, 'out-of-range'],
		['a scale answer is a fraction', { questionId: 'nytta', value: 2.5 }, 'wrong-kind']
	] as const)('refuses an answer when %s', (_, input, refusal) => {
		const saved: Answer[] = [{ questionId: 'nytta', participantId: 'p9', sector: 'polis', value: 3 }];
		expect(answerQuestion(saved, { ...base, ...input })).toEqual({ ok: false, error: refusal });
	});
});

describe('ownAnswers', () => {
	it('gives a person only their own answers, keyed by question', () => {
		const answers: Answer[] = [
			{ questionId: 'nytta', participantId: 'p1', sector: 'skola', value: 4 },
			{ questionId: 'nytta', participantId: 'p2', sector: 'polis', value: 1 },
			{ questionId: 'ta-med', participantId: 'p1', sector: 'skola', value: 'Data' }
		];
		expect(ownAnswers(answers, 'p1')).toEqual({ nytta: 4, 'ta-med': 'Data' });
	});
});
