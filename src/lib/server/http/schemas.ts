import { z } from 'zod';
import { SECTORS } from '$lib/domain/workshop/sectors';
import { DISPLAY_NAME_MAX, TITLE_MAX } from '../workshops';

export const createWorkshopSchema = z.object({
	title: z
		.string()
		.trim()
		.min(1, 'title must not be empty')
		.max(TITLE_MAX, `title must be at most ${TITLE_MAX} characters`)
});

export const joinSchema = z.object({
	displayName: z.string().trim().max(DISPLAY_NAME_MAX, `displayName must be at most ${DISPLAY_NAME_MAX} characters`).default(''),
	sector: z.enum(SECTORS, { message: `sector must be one of ${SECTORS.join(', ')}` })
});

/** First issue's message, for a one-line API error. */
export function firstIssue(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'invalid input';
	const path = issue.path.join('.');
	return path ? `${path}: ${issue.message}` : issue.message;
}
