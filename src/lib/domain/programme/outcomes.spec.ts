import { describe, expect, it } from 'vitest';
import type { QuestionSummary } from '../responses/summary';
import { programmeOutcomes } from './outcomes';

const scale = (questionId: string, agree: number, respondents: number): QuestionSummary => ({
	questionId,
	kind: 'scale',
	respondents,
	counts: [respondents - agree, 0, 0, agree, 0],
	mean: null,
	agree
});

describe('programmeOutcomes', () => {
	it('sums each measure across the workshops whose evaluation was answered', () => {
		const outcomes = programmeOutcomes([
			{
				workshopId: 'a',
				title: 'Lidingö',
				isFollowUp: false,
				responses: { surveys: {}, followUp: false, summaries: { utvardering: [scale('samverkan', 2, 3), scale('nya-initiativ', 3, 4)] } }
			},
			{
				workshopId: 'b',
				title: 'Nynäshamn',
				isFollowUp: false,
				responses: { surveys: {}, followUp: false, summaries: { utvardering: [scale('nya-initiativ', 4, 6)] } }
			},
			{ workshopId: 'c', title: 'Ingen utvärdering', isFollowUp: false, responses: { surveys: {}, followUp: false, summaries: {} } },
			{
				workshopId: 'd',
				title: 'Lidingö, uppföljning',
				isFollowUp: true,
				responses: { surveys: {}, followUp: true, summaries: { utvardering: [scale('ledde-till-initiativ', 1, 2)] } }
			}
		]);
		expect(outcomes.workshops.map((w) => w.workshopId)).toEqual(['a', 'b', 'd']);
		expect(outcomes.total).toEqual({
			collaboration: { agree: 2, of: 3 },
			initiatives: { agree: 7, of: 10 },
			'follow-up-initiatives': { agree: 1, of: 2 }
		});
	});
});
