import { revokeFacilitatorLink } from '$lib/server/facilitator-links';
import { problem } from '$lib/server/http/problem';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import type { RequestHandler } from './$types';

/**
 * DELETE /api/workshops/:ref/facilitator-links/:linkId (facilitator or organiser, open or
 * closed) → 204: the link stops opening the workshop and whoever is connected through it
 * is disconnected. 404 when the workshop has no such active link. The workshop's own
 * facilitator secret is not a link and cannot be revoked here.
 */
export const DELETE: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser', whenClosed: 'allow' });
	if (caller instanceof Response) return caller;
	const revoked = await revokeFacilitatorLink(caller.app, {
		workshopId: caller.workshop.id,
		linkId: event.params.linkId,
		actor: caller.actor.role,
		now: new Date()
	});
	return revoked ? new Response(null, { status: 204 }) : problem(404, 'not_found', 'no such active facilitator link');
};
