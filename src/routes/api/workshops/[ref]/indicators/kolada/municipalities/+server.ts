import { sourceLookup } from '$lib/server/indicators/http';
import { searchKoladaMunicipalities } from '$lib/server/indicators/kolada-client';
import { searchQuerySchema, type MunicipalitySearchResponse } from '$lib/api/indicators';
import type { RequestHandler } from './$types';

/** GET /api/workshops/:id/indicators/kolada/municipalities?title=… (facilitator) → 200 { municipalities: [{ id, title, type? }] } */
export const GET: RequestHandler = (event) =>
	sourceLookup(event, searchQuerySchema, async (query, config): Promise<MunicipalitySearchResponse> => ({
		municipalities: await searchKoladaMunicipalities(config, query.title)
	}));
