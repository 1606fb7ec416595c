import { json } from '@sveltejs/kit';
import { readIndicatorSourcesConfig } from '$lib/server/indicators/config';
import { lookUpKoladaNames } from '$lib/server/indicators/kolada-client';
import { failureResponse, parseQuery, readRawBody } from '$lib/server/indicators/http';
import { importQuerySchema } from '$lib/api/indicators';
import { previewUpload } from '$lib/server/indicators/upload';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import type { RequestHandler } from './$types';

/**
 * POST /api/workshops/:id/indicators/preview?format=&mapping=&sheet=&meta= with
 * the raw file as body (facilitator) → 200 { format, table, suggestion, summary?,
 * problem? } for CSV/XLSX, { format, summary } otherwise. Stores nothing: this is
 * the mapping step's look at the file before the facilitator saves it.
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
		return json(await previewUpload(bytes, query, maxBytes, (codes) => lookUpKoladaNames(config, codes)));
	} catch (error) {
		return failureResponse(error);
	}
};
