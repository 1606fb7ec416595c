import { json } from '@sveltejs/kit';
import { readJson } from '$lib/server/http/problem';
import { readIndicatorSourcesConfig } from '$lib/server/indicators/config';
import { failureResponse, parseBody } from '$lib/server/indicators/http';
import { fetchKoladaKpi } from '$lib/server/indicators/kolada-client';
import { koladaFetchSchema } from '$lib/api/indicators';
import { storeImport } from '$lib/server/indicators/store';
import { log } from '$lib/server/log';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import type { RequestHandler } from './$types';

/**
 * POST /api/workshops/:id/indicators/kolada { kpi, municipalities: [{ id, title }] }
 * (facilitator): fetches the KPI for those municipalities plus riket (0000) and
 * stores it, so the workshop works offline afterwards → 201 like the file import.
 */
export const POST: RequestHandler = async (event) => {
	const call = await requireWorkshop(event, { need: 'facilitator' });
	if (call instanceof Response) return call;
	const raw = await readJson(event.request);
	if (raw instanceof Response) return raw;
	const body = parseBody(raw, koladaFetchSchema);
	if (body instanceof Response) return body;
	try {
		const result = await fetchKoladaKpi(readIndicatorSourcesConfig(), { kpi: body.kpi, areas: body.municipalities });
		const summary = await storeImport({ docs: call.app.docs, workshopId: call.workshop.id, result });
		log.info('indicators.imported', { workshopId: call.workshop.id, via: 'kolada', kpi: body.kpi });
		return json(summary, { status: 201 });
	} catch (error) {
		return failureResponse(error);
	}
};
