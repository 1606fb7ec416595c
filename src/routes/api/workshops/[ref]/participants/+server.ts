import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { problem, readJson } from '$lib/server/http/problem';
import { firstIssue, joinSchema } from '$lib/server/http/schemas';
import { TooManyLookupsError, findWorkshopGuarded } from '$lib/server/lookup-guard';
import { log } from '$lib/server/log';
import { joinWorkshop } from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/**
 * POST /api/workshops/:code/participants { displayName?, sector } → 201 { participantId, session }.
 * For kiosks, load tests and integrations; browsers join through the /j/:code form.
 */
export const POST: RequestHandler = async ({ params, request, getClientAddress }) => {
	const body = await readJson(request);
	if (body instanceof Response) return body;
	const parsed = joinSchema.safeParse(body);
	if (!parsed.success) return problem(400, 'bad_request', firstIssue(parsed.error));
	const app = await getApp();
	let workshop;
	try {
		workshop = await findWorkshopGuarded(app.storage, params.ref, getClientAddress());
	} catch (error) {
		if (error instanceof TooManyLookupsError) return problem(429, 'rate_limited', error.message);
		throw error;
	}
	if (!workshop) return problem(404, 'not_found', 'no workshop with that code');
	if (workshop.status !== 'open') return problem(409, 'conflict', 'the workshop is closed');
	const { participant, session } = await joinWorkshop(app.storage, { workshopId: workshop.id, ...parsed.data });
	log.info('participant.joined', { workshopId: workshop.id, participantId: participant.id, sector: participant.sector, via: 'api' });
	return json({ participantId: participant.id, session }, { status: 201 });
};
