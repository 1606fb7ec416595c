import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { problem } from '$lib/server/http/problem';
import { TooManyLookupsError, findWorkshopGuarded } from '$lib/server/lookup-guard';
import type { RequestHandler } from './$types';

/** GET /api/workshops/:code → public info only: nothing here is secret. */
export const GET: RequestHandler = async ({ params, getClientAddress }) => {
	const app = await getApp();
	let workshop;
	try {
		workshop = await findWorkshopGuarded(app.storage, params.ref, getClientAddress());
	} catch (error) {
		if (error instanceof TooManyLookupsError) return problem(429, 'rate_limited', error.message);
		throw error;
	}
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
