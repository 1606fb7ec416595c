import { sourceLookup } from '$lib/server/indicators/http';
import { searchKoladaMunicipalities } from '$lib/server/indicators/kolada-client';
import { searchQuerySchema, type MunicipalitySearchResponse } from '$lib/api/indicators';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import type { RequestHandler } from './$types';

/** GET /api/workshops/:id/indicators/kolada/municipalities?title=… (facilitator) → 200 { municipalities: [{ id, title, type? }] } */
export const GET: RequestHandler = async (event) => {
	const call = await requireWorkshop(event, { need: 'facilitator' });
	if (call instanceof Response) return call;
	return sourceLookup(event.url, searchQuerySchema, async (query, config): Promise<MunicipalitySearchResponse> => ({
		municipalities: await searchKoladaMunicipalities(config, query.title)
	}));
};
