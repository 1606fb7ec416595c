import { json } from '@sveltejs/kit';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { archiveState } from '$lib/server/archive/state';
import type { RequestHandler } from './$types';

/**
 * GET /api/workshops/:ref/archive (facilitator or organiser) → { status,
 * closedAt, versions: [{ version, createdAt }], followUpDates, nextFollowUp:
 * { date, due } | null, followUpOf, steps: [{ cardId, text, owner, due, status,
 * note }] }: what the archive controls on the facilitator page show.
 */
export const GET: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser' });
	if (caller instanceof Response) return caller;
	return json(await archiveState(caller.app, caller.workshop, new Date()), { headers: { 'cache-control': 'no-store' } });
};
