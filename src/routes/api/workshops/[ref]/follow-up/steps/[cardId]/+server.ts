import { json } from '@sveltejs/kit';
import { stepStatusRequestSchema } from '$lib/api/archive';
import { problem } from '$lib/server/http/problem';
import { firstIssue } from '$lib/server/http/schemas';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { outcomeResponse, readOptionalJson } from '$lib/server/archive/http';
import { setStepStatus } from '$lib/server/archive/lifecycle';
import type { RequestHandler } from './$types';

/**
 * PUT /api/workshops/:ref/follow-up/steps/:cardId { status: "open" | "done" |
 * "not-done" | "changed", note? } (facilitator or organiser) → 200 { cardId,
 * status, note }. Marks a next step carried over from the workshop this one
 * follows up. 404 for a step that was not carried over; 409 while closed.
 */
export const PUT: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser', whenClosed: 'allow' });
	if (caller instanceof Response) return caller;
	const body = await readOptionalJson(event.request);
	if (body instanceof Response) return body;
	const parsed = stepStatusRequestSchema.safeParse(body);
	if (!parsed.success) return problem(400, 'bad_request', firstIssue(parsed.error));
	const { status, note } = parsed.data;
	const outcome = await setStepStatus(caller.app, {
		workshopId: caller.workshop.id,
		cardId: event.params.cardId,
		status,
		note,
		now: new Date()
	});
	return outcomeResponse(outcome, () => json({ cardId: event.params.cardId, status, note: status === 'changed' ? note.trim() : '' }));
};
