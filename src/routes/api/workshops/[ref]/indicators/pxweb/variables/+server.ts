import { json } from '@sveltejs/kit';
import { readIndicatorSourcesConfig } from '$lib/server/indicators/config';
import { facilitatorCall, failureResponse, parseQuery } from '$lib/server/indicators/http';
import { fetchPxWebV1Table } from '$lib/server/indicators/pxweb-client';
import { pxwebVariablesQuerySchema } from '$lib/server/indicators/schemas';
import type { RequestHandler } from './$types';

/**
 * GET /api/workshops/:id/indicators/pxweb/variables?url=… (facilitator) → 200 { title,
 * variables: [{ code, text, values, valueTexts, elimination?, time? }] }: a PxWeb v1
 * table's description from an allowed host, for choosing values instead of pasting a query.
 */
export const GET: RequestHandler = async (event) => {
	const call = await facilitatorCall(event);
	if (call instanceof Response) return call;
	const query = parseQuery(event.url, pxwebVariablesQuerySchema);
	if (query instanceof Response) return query;
	try {
		return json(await fetchPxWebV1Table(readIndicatorSourcesConfig(), query.url));
	} catch (error) {
		return failureResponse(error);
	}
};
