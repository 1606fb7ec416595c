import { json } from '@sveltejs/kit';
import { readJson } from '$lib/server/http/problem';
import { readIndicatorSourcesConfig } from '$lib/server/indicators/config';
import { failureResponse, parseBody } from '$lib/server/indicators/http';
import { fetchPxWeb } from '$lib/server/indicators/pxweb-client';
import { pxwebFetchSchema } from '$lib/api/indicators';
import { storeImport } from '$lib/server/indicators/store';
import { log } from '$lib/server/log';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import type { RequestHandler } from './$types';

/**
 * POST /api/workshops/:id/indicators/pxweb { url, query? } (facilitator): fetches
 * a PxWeb table (SCB PxWebApi 2, or PxWeb v1 with its query) from an allowed
 * host and stores it → 201 like the file import.
 */
export const POST: RequestHandler = async (event) => {
	const call = await requireWorkshop(event, { need: 'facilitator' });
	if (call instanceof Response) return call;
	const raw = await readJson(event.request);
	if (raw instanceof Response) return raw;
	const body = parseBody(raw, pxwebFetchSchema);
	if (body instanceof Response) return body;
	try {
		const result = await fetchPxWeb(readIndicatorSourcesConfig(), { url: body.url, ...(body.query ? { query: body.query } : {}) });
		const summary = await storeImport({ docs: call.app.docs, workshopId: call.workshop.id, result });
		log.info('indicators.imported', { workshopId: call.workshop.id, via: 'pxweb', host: new URL(body.url).host });
		return json(summary, { status: 201 });
	} catch (error) {
		return failureResponse(error);
	}
};
