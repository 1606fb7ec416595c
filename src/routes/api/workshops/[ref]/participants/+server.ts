import { json } from '@sveltejs/kit';
import { problem, readJson } from '$lib/server/http/problem';
import { firstIssue, joinSchema } from '$lib/server/http/schemas';
import { clientAddress } from '$lib/server/http/client-address';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { JOIN_RATE_LIMITED, takeJoin } from '$lib/server/join-guard';
import { joinForm, sectorProblem } from '$lib/server/join-form';
import { log } from '$lib/server/log';
import { WorkshopFullError, joinWorkshop } from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/**
 * POST /api/workshops/:code/participants { displayName?, sector, organisation? } → 201 { participantId, session };
 * 400 for a sector the workshop does not offer; 409 when the workshop is closed or full (PARTICIPANTS_MAX);
 * 429 after too many joins from one address.
 * For kiosks, load tests and integrations; browsers join through the /j/:code form.
 */
export const POST: RequestHandler = async (event) => {
	const { request } = event;
	const body = await readJson(request);
	if (body instanceof Response) return body;
	const parsed = joinSchema.safeParse(body);
	if (!parsed.success) return problem(400, 'bad_request', firstIssue(parsed.error));
	// Open to anyone who has the code; a closed workshop is refused in this route's own words.
	const call = await requireWorkshop(event, { need: 'anyone', whenClosed: 'allow' });
	if (call instanceof Response) return call;
	const { app, workshop } = call;
	const address = clientAddress(event);
	if (workshop.status !== 'open') return problem(409, 'conflict', 'the workshop is closed');
	const wrongSector = sectorProblem(parsed.data.sector, (await joinForm(app, workshop.id)).sectors);
	if (wrongSector) return problem(400, 'bad_request', wrongSector);
	if (!takeJoin(address, workshop.id)) return problem(429, 'rate_limited', JOIN_RATE_LIMITED);
	let joined;
	try {
		joined = await joinWorkshop(app.storage, { workshopId: workshop.id, ...parsed.data });
	} catch (error) {
		if (error instanceof WorkshopFullError) return problem(409, 'conflict', error.message);
		throw error;
	}
	const { participant, session } = joined;
	log.info('participant.joined', { workshopId: workshop.id, participantId: participant.id, sector: participant.sector, via: 'api' });
	return json({ participantId: participant.id, session }, { status: 201 });
};
