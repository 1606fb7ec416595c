import { json } from '@sveltejs/kit';
import { closeRequestSchema } from '$lib/api/archive';
import { problem } from '$lib/server/http/problem';
import { firstIssue } from '$lib/server/http/schemas';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { outcomeResponse, readOptionalJson } from '$lib/server/archive/http';
import { closeWorkshop } from '$lib/server/archive/lifecycle';
import type { RequestHandler } from './$types';

/**
 * POST /api/workshops/:ref/close { followUpDates?: ["YYYY-MM-DD", …] }
 * (facilitator or organiser) → 200 { version, closedAt, followUpDates }.
 * Freezes the workshop as a new immutable version; from then on every change is
 * refused until it is reopened. Follow-up dates default to +3 and +12 months.
 * 409 when it is already closed.
 */
export const POST: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser', whenClosed: 'allow' });
	if (caller instanceof Response) return caller;
	const body = await readOptionalJson(event.request);
	if (body instanceof Response) return body;
	const parsed = closeRequestSchema.safeParse(body);
	if (!parsed.success) return problem(400, 'bad_request', firstIssue(parsed.error));
	const outcome = await closeWorkshop(caller.app, {
		workshopId: caller.workshop.id,
		actor: caller.actor.role,
		followUpDates: parsed.data.followUpDates,
		now: new Date()
	});
	return outcomeResponse(outcome, (closed) => json(closed));
};
