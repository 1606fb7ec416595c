import { json } from '@sveltejs/kit';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import type { RequestHandler } from './$types';

/** GET /api/workshops/:code → public info only: nothing here is secret. */
export const GET: RequestHandler = async (event) => {
	const call = await requireWorkshop(event, { need: 'anyone' });
	if (call instanceof Response) return call;
	const { app, workshop } = call;
	return json({
		code: workshop.code,
		title: workshop.title,
		phase: workshop.phase,
		status: workshop.status,
		participantCount: await app.storage.participants.count(workshop.id)
	});
};
