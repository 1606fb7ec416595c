import { json } from '@sveltejs/kit';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { outcomeResponse } from '$lib/server/archive/http';
import { reopenWorkshop } from '$lib/server/archive/lifecycle';
import type { RequestHandler } from './$types';

/**
 * POST /api/workshops/:ref/reopen (facilitator or organiser) → 200 { status: "open" }.
 * Changes are allowed again; closing later freezes a new version and the earlier
 * ones stay readable. 409 when it is already open.
 */
export const POST: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser', whenClosed: 'allow' });
	if (caller instanceof Response) return caller;
	const outcome = await reopenWorkshop(caller.app, { workshopId: caller.workshop.id, actor: caller.actor.role, now: new Date() });
	return outcomeResponse(outcome, () => json({ status: 'open' }));
};
