import { requireWorkshop } from '$lib/server/http/require-workshop';
import { startFollowUp } from '$lib/server/archive/follow-up';
import { startedWorkshopResponse } from '$lib/server/archive/http';
import type { RequestHandler } from './$types';

/**
 * POST /api/workshops/:ref/follow-up (facilitator or organiser, closed workshop)
 * → 201 { id, code, title, joinUrl, facilitatorUrl, facilitatorSecret }: a new
 * workshop with the open next steps, the system maps and the indicators carried
 * over. The secret is given only here, once. 409 while the workshop is open.
 */
export const POST: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser', whenClosed: 'allow' });
	if (caller instanceof Response) return caller;
	const outcome = await startFollowUp(caller.app, { workshopId: caller.workshop.id, actor: caller.actor.role, now: new Date() });
	return startedWorkshopResponse(outcome, caller.app.config.publicOrigin ?? event.url.origin);
};
