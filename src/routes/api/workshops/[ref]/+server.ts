import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { findWorkshopForApi } from '$lib/server/lookup-guard';
import { clientAddress } from '$lib/server/http/client-address';
import type { RequestHandler } from './$types';

/** GET /api/workshops/:code → public info only: nothing here is secret. */
export const GET: RequestHandler = async (event) => {
	const { params } = event;
	const app = await getApp();
	const workshop = await findWorkshopForApi(app.storage, params.ref, clientAddress(event));
	if (workshop instanceof Response) return workshop;
	const participants = await app.storage.participants.list(workshop.id);
	return json({
		code: workshop.code,
		title: workshop.title,
		phase: workshop.phase,
		status: workshop.status,
		participantCount: participants.length
	});
};
