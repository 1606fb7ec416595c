import { json } from '@sveltejs/kit';
import { deleteRequestSchema } from '$lib/api/archive';
import { problem } from '$lib/server/http/problem';
import { firstIssue } from '$lib/server/http/schemas';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { outcomeResponse, readOptionalJson } from '$lib/server/archive/http';
import { deleteWorkshopData } from '$lib/server/archive/lifecycle';
import type { RequestHandler } from './$types';

/**
 * POST /api/workshops/:ref/delete { confirm: "<join code>" } (facilitator or
 * organiser) → 200 { deleted: true }. Erases the workshop and all its data
 * (documents, participants, versions, follow-up records); the audit log keeps
 * only that it happened, when and by which role.
 */
export const POST: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser', whenClosed: 'allow' });
	if (caller instanceof Response) return caller;
	const body = await readOptionalJson(event.request);
	if (body instanceof Response) return body;
	const parsed = deleteRequestSchema.safeParse(body);
	if (!parsed.success) return problem(400, 'bad_request', firstIssue(parsed.error));
	if (parsed.data.confirm.trim().toUpperCase() !== caller.workshop.code) {
		return problem(400, 'bad_request', "confirm must be the workshop's join code");
	}
	const outcome = await deleteWorkshopData(caller.app, { workshopId: caller.workshop.id, actor: caller.actor.role, now: new Date() });
	return outcomeResponse(outcome, () => json({ deleted: true }));
};
