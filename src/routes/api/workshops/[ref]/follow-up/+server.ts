import { json } from '@sveltejs/kit';
import type { StartedFollowUp } from '$lib/api/archive';
import { facilitatorUrl, joinUrl } from '$lib/server/http/links';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { startFollowUp } from '$lib/server/archive/follow-up';
import { outcomeResponse } from '$lib/server/archive/http';
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
	const origin = caller.app.config.publicOrigin ?? event.url.origin;
	return outcomeResponse(outcome, ({ workshop, facilitatorSecret }) =>
		json(
			{
				id: workshop.id,
				code: workshop.code,
				title: workshop.title,
				joinUrl: joinUrl(origin, workshop),
				facilitatorUrl: facilitatorUrl(origin, workshop, facilitatorSecret),
				facilitatorSecret
			} satisfies StartedFollowUp,
			{ status: 201 }
		)
	);
};
