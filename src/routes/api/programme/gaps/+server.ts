import { json } from '@sveltejs/kit';
import type { ProgrammeGapsResponse } from '$lib/api/programme';
import { NO_STORE, programmeCall } from '$lib/server/programme/http';
import { programmeGaps } from '$lib/server/programme/programme';
import type { RequestHandler } from './$types';

/**
 * GET /api/programme/gaps[?filter] (organiser) → { gaps: [{ text, variants, workshops,
 * sectors: { "<sector>": n }, proposals, bestRank }] }: the wishes no available data
 * answered in the closed workshops the filter keeps, similar wishes grouped, most
 * workshops first.
 */
export const GET: RequestHandler = async (event) => {
	const call = await programmeCall(event);
	if (call instanceof Response) return call;
	const body: ProgrammeGapsResponse = { gaps: programmeGaps(call.data, call.filter).map(({ workshopIds: _ids, ...gap }) => gap) };
	return json(body, { headers: NO_STORE });
};
