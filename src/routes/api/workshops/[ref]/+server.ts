import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { problem } from '$lib/server/http/problem';
import { findWorkshop } from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/** GET /api/workshops/:code → public info only: nothing here is secret. */
export const GET: RequestHandler = async ({ params }) => {
	const app = await getApp();
	const workshop = await findWorkshop(app.storage, params.ref);
	if (!workshop) return problem(404, 'not_found', 'no workshop with that code');
	const participants = await app.storage.listParticipants(workshop.id);
	return json({
		code: workshop.code,
		title: workshop.title,
		phase: workshop.phase,
		status: workshop.status,
		participantCount: participants.length
	});
};
