import { z } from 'zod';
import type { NextFollowUp } from '$lib/domain/archive/follow-up-dates';
import { FOLLOW_UP_NOTE_MAX, FOLLOW_UP_STATUSES, followUpDatesSchema, type FollowUpStatus } from '$lib/domain/archive/schema';

/**
 * Request and response shapes of the archive endpoints (close, reopen, delete,
 * follow-up, `GET …/archive`), shared by the routes and the browser's fetch
 * client (components/archive/archive-api.ts). The README documents each endpoint.
 */

export type WorkshopStatus = 'open' | 'closed';

/** A next step carried over from the workshop this one follows up, with the facilitator's verdict. */
export interface CarriedStep {
	cardId: string;
	text: string;
	owner: string | null;
	due: string | null;
	status: FollowUpStatus;
	note: string;
}

/** `GET /api/workshops/:ref/archive` → what the facilitator's archive controls show. */
export interface ArchiveState {
	status: WorkshopStatus;
	closedAt: string | null;
	versions: { version: number; createdAt: string }[];
	followUpDates: string[];
	nextFollowUp: NextFollowUp | null;
	followUpOf: { workshopId: string; title: string; version: number } | null;
	steps: CarriedStep[];
}

/** `POST …/close` { followUpDates?: ["YYYY-MM-DD", …] } */
export const closeRequestSchema = z.object({ followUpDates: followUpDatesSchema.optional() }).strict();
export type CloseRequest = z.input<typeof closeRequestSchema>;

/** `POST …/delete` { confirm: "<join code>" }: the code must be repeated, so a stray request or a slipped click cannot erase a workshop. */
export const deleteRequestSchema = z.object({ confirm: z.string().max(20) }).strict();
export type DeleteRequest = z.input<typeof deleteRequestSchema>;

/** `PUT …/follow-up/steps/:cardId` { status, note? } */
export const stepStatusRequestSchema = z
	.object({ status: z.enum(FOLLOW_UP_STATUSES), note: z.string().max(FOLLOW_UP_NOTE_MAX).default('') })
	.strict();
export type StepStatusRequest = z.input<typeof stepStatusRequestSchema>;

/** `POST …/follow-up` and `POST …/copy` → 201: the new workshop. The secret is given only here, once. */
export interface StartedWorkshop {
	id: string;
	code: string;
	title: string;
	joinUrl: string;
	facilitatorUrl: string;
	facilitatorSecret: string;
}
