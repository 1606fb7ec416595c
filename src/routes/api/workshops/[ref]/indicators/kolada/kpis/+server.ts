import { json } from '@sveltejs/kit';
import { readIndicatorSourcesConfig } from '$lib/server/indicators/config';
import { facilitatorCall, failureResponse, parseQuery } from '$lib/server/indicators/http';
import { searchKoladaKpis } from '$lib/server/indicators/kolada-client';
import { searchQuerySchema } from '$lib/server/indicators/schemas';
import type { RequestHandler } from './$types';

/** GET /api/workshops/:id/indicators/kolada/kpis?title=… (facilitator) → 200 { kpis: [{ id, title, description?, operatingArea? }] } */
export const GET: RequestHandler = async (event) => {
	const call = await facilitatorCall(event);
	if (call instanceof Response) return call;
	const query = parseQuery(event.url, searchQuerySchema);
	if (query instanceof Response) return query;
	try {
		return json({ kpis: await searchKoladaKpis(readIndicatorSourcesConfig(), query.title) });
	} catch (error) {
		return failureResponse(error);
	}
};
