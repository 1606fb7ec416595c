import { sourceLookup } from '$lib/server/indicators/http';
import { searchKoladaKpis } from '$lib/server/indicators/kolada-client';
import { searchQuerySchema, type KpiSearchResponse } from '$lib/api/indicators';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import type { RequestHandler } from './$types';

/** GET /api/workshops/:id/indicators/kolada/kpis?title=… (facilitator) → 200 { kpis: [{ id, title, description?, operatingArea? }] } */
export const GET: RequestHandler = async (event) => {
	const call = await requireWorkshop(event, { need: 'facilitator' });
	if (call instanceof Response) return call;
	return sourceLookup(event.url, searchQuerySchema, async (query, config): Promise<KpiSearchResponse> => ({
		kpis: await searchKoladaKpis(config, query.title)
	}));
};
