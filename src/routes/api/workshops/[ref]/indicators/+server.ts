import { json } from '@sveltejs/kit';
import { readIndicatorSourcesConfig } from '$lib/server/indicators/config';
import { lookUpKoladaNames } from '$lib/server/indicators/kolada-client';
import { failureResponse, parseQuery, readRawBody } from '$lib/server/indicators/http';
import { importQuerySchema } from '$lib/api/indicators';
import { storeImport } from '$lib/server/indicators/store';
import { importUpload } from '$lib/server/indicators/upload';
import { log } from '$lib/server/log';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import type { RequestHandler } from './$types';

/**
 * POST /api/workshops/:id/indicators?format=&mapping=&sheet=&meta= with the raw
 * file as body (facilitator) → 201 { indicators: [{ id, name, series, points,
 * missing }], warnings }. A file that cannot be imported answers 400 and
 * nothing is stored; a body over the limit 413.
 */
export const POST: RequestHandler = async (event) => {
	const call = await requireWorkshop(event, { need: 'facilitator' });
	if (call instanceof Response) return call;
	const query = parseQuery(event.url, importQuerySchema);
	if (query instanceof Response) return query;
	const config = readIndicatorSourcesConfig();
	const { maxBytes } = config;
	const bytes = await readRawBody(event.request, maxBytes);
	if (bytes instanceof Response) return bytes;
	try {
		const result = await importUpload(bytes, query, maxBytes, (codes) => lookUpKoladaNames(config, codes));
		const summary = await storeImport({ docs: call.app.docs, workshopId: call.workshop.id, result });
		log.info('indicators.imported', { workshopId: call.workshop.id, via: 'upload', indicators: summary.indicators.length });
		return json(summary, { status: 201 });
	} catch (error) {
		return failureResponse(error);
	}
};
