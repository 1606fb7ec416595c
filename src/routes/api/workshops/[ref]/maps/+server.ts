import { json } from '@sveltejs/kit';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { log } from '$lib/server/log';
import { listMaps, readMapImport, storeImportedMap } from '$lib/server/maps';
import type { RequestHandler } from './$types';

/** GET /api/workshops/:ref/maps (facilitator) → { maps: [{ mapId, title }] }, the plenary map first. */
export const GET: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'member', role: 'facilitator' });
	if (caller instanceof Response) return caller;
	const maps = await listMaps(caller.app, caller.workshop.id);
	return json({ maps: maps.map(({ mapId, title }) => ({ mapId, title })) });
};

/**
 * POST /api/workshops/:ref/maps (facilitator), a JSON map or a CSV of links
 * (`from;to;polarity`, Content-Type text/csv, optional `?title=`) → 201 { mapId }.
 * A link to an unknown factor, a bad polarity or any other problem answers 400 and
 * stores nothing.
 */
export const POST: RequestHandler = async (event) => {
	const { request, url } = event;
	const caller = await requireWorkshop(event, { need: 'member', role: 'facilitator' });
	if (caller instanceof Response) return caller;
	const parsed = await readMapImport(request, url);
	if (parsed instanceof Response) return parsed;
	const mapId = await storeImportedMap(caller.app, caller.workshop.id, parsed);
	log.info('map.imported', {
		workshopId: caller.workshop.id,
		mapId,
		factors: parsed.map.factors.length,
		links: parsed.map.links.length
	});
	return json({ mapId }, { status: 201 });
};
