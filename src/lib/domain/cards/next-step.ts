/**
 * The seed canvas's prompts for "Vad kan vara ett nästa steg?": book a meeting (with
 * whom?), visualise data, download the workshop material, call in a facilitator,
 * talk to someone.
 */
export const NEXT_STEP_PROMPTS = [
	'boka-mote',
	'visualisera-data',
	'ladda-hem-material',
	'kalla-in-facilitator',
	'prata-med-nagon'
] as const;
export type NextStepPrompt = (typeof NEXT_STEP_PROMPTS)[number];

export const OWNER_MAX = 120;

/**
 * The details of a "Nästa steg" card. The card's own `text` is the action; these
 * fields make it something that can be followed up after the workshop.
 */
export interface NextStep {
	/** Which of the seed's prompts the step answers; absent when the writer chose none. */
	prompt?: NextStepPrompt;
	/** Who takes it on: a name, role or organisation. */
	owner: string;
	/** Calendar date, YYYY-MM-DD. */
	due?: string;
}

export type NextStepProblem = 'bad-prompt' | 'owner-empty' | 'owner-too-long' | 'bad-due-date';

export function isNextStepPrompt(value: unknown): value is NextStepPrompt {
	return typeof value === 'string' && (NEXT_STEP_PROMPTS as readonly string[]).includes(value);
}

/** A real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks next-step details. An owner is required because a step nobody owns is not
 * followed up; the due date is optional. Returns every problem; empty means valid.
 */
export function checkNextStep(step: NextStep): NextStepProblem[] {
	const problems: NextStepProblem[] = [];
	if (step.prompt !== undefined && !isNextStepPrompt(step.prompt)) problems.push('bad-prompt');
	const owner = step.owner.trim();
	if (owner.length === 0) problems.push('owner-empty');
	else if (owner.length > OWNER_MAX) problems.push('owner-too-long');
	if (step.due !== undefined && step.due !== '' && !isIsoDate(step.due)) problems.push('bad-due-date');
	return problems;
}
