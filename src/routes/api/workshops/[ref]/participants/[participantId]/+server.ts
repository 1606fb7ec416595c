import { json } from '@sveltejs/kit';
import { problem } from '$lib/server/http/problem';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { log } from '$lib/server/log';
import { removeParticipant } from '$lib/server/participants';
import type { RequestHandler } from './$types';

/**
 * DELETE /api/workshops/:ref/participants/:participantId → 200 { removed: true }.
 * Facilitator only (401 / 403); 404 for an unknown participant.
 */
export const DELETE: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator' });
	if (caller instanceof Response) return caller;
	const { app, workshop } = caller;
	const participantId = event.params.participantId;
	if (!/^[a-z0-9]{1,40}$/.test(participantId) || !(await removeParticipant(app, workshop.id, participantId))) {
		return problem(404, 'not_found', 'no participant with that id in this workshop');
	}
	log.info('participant.removed', { workshopId: workshop.id, participantId });
	return json({ removed: true });
};
