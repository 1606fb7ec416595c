import { z } from 'zod';
import { ORGANISATION_MAX } from '$lib/domain/method/groups';
import { singleLineSchema } from '$lib/domain/workshop/text-input';

export const TEMPLATE_NAME_MAX = 80;

/** `PUT /api/programme/templates/:workshopId`: keep a workshop's setup as a template, or rename it. */
export const setupTemplateRequestSchema = z
	.object({
		name: singleLineSchema({ max: TEMPLATE_NAME_MAX }),
		municipality: singleLineSchema({ max: ORGANISATION_MAX, optional: true }).nullable().optional()
	})
	.strict();

/** A template as `GET /api/programme/templates` lists it. */
export interface SetupTemplate {
	workshopId: string;
	name: string;
	municipality: string | null;
	/** The workshop the template is: new workshops copy its setup (`POST /api/workshops/:workshopId/copy`). */
	title: string;
	createdAt: string;
}
