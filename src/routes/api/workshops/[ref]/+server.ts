import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { findWorkshopForApi } from '$lib/server/lookup-guard';
import type { RequestHandler } from './$types';

/** GET /api/workshops/:code → public info only: nothing here is secret. */
export const GET: RequestHandler = async ({ params, getClientAddress }) => {
	const app = await getApp();
	const workshop = await findWorkshopForApi(app.storage, params.ref, getClientAddress());
	if (workshop instanceof Response) return workshop;
	const participants = await app.storage.listParticipants(workshop.id);
	return json({
		code: workshop.code,
		title: workshop.title,
		phase: workshop.phase,
		status: workshop.status,
		participantCount: participants.length
	});
};
