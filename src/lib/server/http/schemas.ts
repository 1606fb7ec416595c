import { z } from 'zod';
import { sectorSchema } from '$lib/domain/workshop/sectors';
import { singleLineSchema } from '$lib/domain/workshop/text-input';
import { ORGANISATION_MAX } from '$lib/domain/method/groups';
import { DISPLAY_NAME_MAX, TITLE_MAX } from '../workshops';

export const createWorkshopSchema = z.object({
	title: singleLineSchema({ max: TITLE_MAX })
});

export const joinSchema = z.object({
	displayName: singleLineSchema({ max: DISPLAY_NAME_MAX, optional: true }).default(''),
	sector: sectorSchema,
	/** "Kommun eller organisation", asked when the facilitator forms groups by municipality. */
	organisation: singleLineSchema({ max: ORGANISATION_MAX, optional: true }).default('')
});

/** First issue's message, for a one-line API error. */
export function firstIssue(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'invalid input';
	const path = issue.path.join('.');
	return path ? `${path}: ${issue.message}` : issue.message;
}
