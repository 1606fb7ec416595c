import { json } from '@sveltejs/kit';
import type { ProgrammeStepsResponse } from '$lib/api/programme';
import { NO_STORE, programmeCall } from '$lib/server/programme/http';
import { programmeSteps } from '$lib/server/programme/programme';
import type { RequestHandler } from './$types';

/**
 * GET /api/programme/steps[?filter] (organiser) → { steps: [{ workshopId, workshopTitle,
 * cardId, text, owner, due, status, note, overdue }] }: the next steps of the closed
 * workshops the filter keeps, with the latest follow-up's verdict, overdue first.
 */
export const GET: RequestHandler = async (event) => {
	const call = await programmeCall(event);
	if (call instanceof Response) return call;
	const body: ProgrammeStepsResponse = { steps: await programmeSteps(call.app, call.data, call.filter, call.now) };
	return json(body, { headers: NO_STORE });
};
