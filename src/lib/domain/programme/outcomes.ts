import { evaluationOutcomes, sumOutcomes, type Outcomes } from '../responses/outcomes';
import type { ResponseSummaries, Surveys } from '../responses/surveys';

/** One workshop's evaluation in the programme. */
export interface WorkshopOutcomes {
	workshopId: string;
	title: string;
	isFollowUp: boolean;
	outcomes: Outcomes;
}

/** `outcomes` of `GET /api/programme`: each workshop's "N av M" per measure, and the sums across them. */
export interface ProgrammeOutcomes {
	workshops: WorkshopOutcomes[];
	total: Outcomes;
}

/**
 * The evaluation across the programme, as seed 004 reports it (*två av tre* said it
 * strengthened collaboration, *9 av 10* planned new initiatives): every workshop whose
 * evaluation someone answered, and each measure summed over them.
 */
export function programmeOutcomes(
	workshops: readonly {
		workshopId: string;
		title: string;
		isFollowUp: boolean;
		responses: { surveys: Surveys; summaries: ResponseSummaries; followUp: boolean };
	}[]
): ProgrammeOutcomes {
	const answered = workshops
		.map(({ workshopId, title, isFollowUp, responses }) => ({ workshopId, title, isFollowUp, outcomes: evaluationOutcomes(responses) }))
		.filter((entry) => Object.keys(entry.outcomes).length > 0);
	return { workshops: answered, total: sumOutcomes(answered.map((entry) => entry.outcomes)) };
}
