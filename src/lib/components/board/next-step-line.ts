import type { NextStep } from '$lib/domain/cards/next-step';

/**
 * The details line under a next-step card: its prompt (only when the writer chose one),
 * the owner and the due date, separated by " · " with a space on both sides.
 */
export function nextStepLine(step: NextStep, format: { prompt: (prompt: string) => string; date: (iso: string) => string }): string {
	return [step.prompt ? format.prompt(step.prompt) : null, step.owner, step.due ? format.date(step.due) : null]
		.filter((part): part is string => Boolean(part))
		.join(' · ');
}
