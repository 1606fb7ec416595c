import { linksToCsv, mapToGraphml, mapToJson, mapToSvg } from '$lib/domain/systemmap';
import { problem } from '$lib/server/http/problem';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { readLiveMap } from '$lib/server/maps';
import type { MapSnapshot } from '$lib/sync/map';
import type { RequestHandler } from './$types';

const FORMATS: Record<string, { type: string; render: (map: MapSnapshot, title: string) => string }> = {
	json: { type: 'application/json; charset=utf-8', render: (map, title) => mapToJson(map, { title }) },
	graphml: { type: 'application/graphml+xml; charset=utf-8', render: (map, title) => mapToGraphml(map, { title }) },
	csv: { type: 'text/csv; charset=utf-8', render: (map) => linksToCsv(map) },
	svg: { type: 'image/svg+xml; charset=utf-8', render: (map, title) => mapToSvg(map, { title }) }
};

/**
 * GET /api/workshops/:ref/maps/:mapId/export.{json,graphml,csv,svg}, with the same
 * access as reading the map. The CSV is `from;to;polarity` in UTF-8 with a BOM so
 * Excel opens å, ä and ö; every file comes as an attachment.
 */
export const GET: RequestHandler = async (event) => {
	const { params } = event;
	const format = Object.hasOwn(FORMATS, params.format) ? FORMATS[params.format] : undefined;
	if (!format) return problem(404, 'not_found', 'export formats are json, graphml, csv and svg');
	const caller = await requireWorkshop(event, { need: 'member' });
	if (caller instanceof Response) return caller;
	const snapshot = await readLiveMap(caller.app, caller.workshop.id, params.mapId);
	if (!snapshot) return problem(404, 'not_found', 'no map with that id in this workshop');
	return new Response(format.render(snapshot, snapshot.title ?? 'Systemkarta'), {
		headers: {
			'content-type': format.type,
			'content-disposition': `attachment; filename="systemkarta-${params.mapId}.${params.format}"`,
			// Opened directly, the SVG may run nothing and load nothing.
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
			'cache-control': 'no-store'
		}
	});
};
