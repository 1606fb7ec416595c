import { copySetup } from '$lib/server/archive/copy-setup';
import { startedWorkshopResponse } from '$lib/server/archive/http';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import type { RequestHandler } from './$types';

/**
 * POST /api/workshops/:ref/copy (facilitator or organiser, open or closed)
 * → 201 { id, code, title, joinUrl, facilitatorUrl, facilitatorSecret }: a new
 * workshop with the same goal, theme, question, agenda, notes and starter cards,
 * without participants or their cards. The secret is given only here, once.
 */
export const POST: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser', whenClosed: 'allow' });
	if (caller instanceof Response) return caller;
	const outcome = await copySetup(caller.app, { workshopId: caller.workshop.id, actor: caller.actor.role, now: new Date() });
	return startedWorkshopResponse(outcome, caller.app.config.publicOrigin ?? event.url.origin);
};
