import { sourceLookup } from '$lib/server/indicators/http';
import { searchKoladaKpis } from '$lib/server/indicators/kolada-client';
import { searchQuerySchema, type KpiSearchResponse } from '$lib/api/indicators';
import type { RequestHandler } from './$types';

/** GET /api/workshops/:id/indicators/kolada/kpis?title=… (facilitator) → 200 { kpis: [{ id, title, description?, operatingArea? }] } */
export const GET: RequestHandler = (event) =>
	sourceLookup(event, searchQuerySchema, async (query, config): Promise<KpiSearchResponse> => ({
		kpis: await searchKoladaKpis(config, query.title)
	}));
