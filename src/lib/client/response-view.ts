import { isResponsePhase, type Question, type ResponsePhase } from '$lib/domain/responses/questions';
import type { QuestionSummary } from '$lib/domain/responses/summary';
import { questionsFor } from '$lib/domain/responses/surveys';
import type { Lang } from '$lib/i18n/lang';
import type { ControlSnapshot } from '$lib/sync/control';

export interface ResponseView {
	phase: ResponsePhase;
	questions: Question[];
	summaries: QuestionSummary[];
}

/** The questions and anonymous summaries of `phase` (default: the current one) when it asks questions, else null. */
export function responseView(control: ControlSnapshot, lang: Lang, phase: string = control.live.phase): ResponseView | null {
	if (!isResponsePhase(phase)) return null;
	return {
		phase,
		questions: questionsFor(phase, control.surveys, { lang, followUp: control.followUp }),
		summaries: control.responses[phase] ?? []
	};
}
