import { sourceLookup } from '$lib/server/indicators/http';
import { fetchPxWebV1Table } from '$lib/server/indicators/pxweb-client';
import { pxwebVariablesQuerySchema } from '$lib/api/indicators';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import type { RequestHandler } from './$types';

/**
 * GET /api/workshops/:id/indicators/pxweb/variables?url=… (facilitator) → 200 { title,
 * variables: [{ code, text, values, valueTexts, elimination?, time? }] }: a PxWeb v1
 * table's description from an allowed host, for choosing values instead of pasting a query.
 */
export const GET: RequestHandler = async (event) => {
	const call = await requireWorkshop(event, { need: 'facilitator' });
	if (call instanceof Response) return call;
	return sourceLookup(event.url, pxwebVariablesQuerySchema, (query, config) => fetchPxWebV1Table(config, query.url));
};
