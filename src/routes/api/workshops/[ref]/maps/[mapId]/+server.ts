import { json } from '@sveltejs/kit';
import { problem } from '$lib/server/http/problem';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { mapAnswer, readLiveMap } from '$lib/server/maps';
import { MethodError } from '$lib/server/method/method-error';
import type { RequestHandler } from './$types';

/**
 * GET /api/workshops/:ref/maps/:mapId (facilitator or a participant of the
 * workshop) → { title, factors, links, loops: [{ kind, factors, links, name?, story? }],
 * loopsTruncated }, computed from the live document.
 */
export const GET: RequestHandler = async (event) => {
	const { params } = event;
	const caller = await requireWorkshop(event, { need: 'member' });
	if (caller instanceof Response) return caller;
	const snapshot = await readLiveMap(caller.app, caller.workshop.id, params.mapId);
	if (!snapshot) return problem(404, 'not_found', 'no map with that id in this workshop');
	return json(mapAnswer(snapshot));
};

const METHOD_STATUS = { not_found: 404, conflict: 409, forbidden: 403, bad_request: 400 } as const;

/**
 * DELETE /api/workshops/:ref/maps/:mapId (facilitator) → 200 { removed: true }. The map
 * leaves the list, the report and every screen at once; its document stays stored so
 * the facilitator can bring it back. 404 unknown or already removed, 409 for the plenary
 * map and group maps (they belong to the workshop) and while the workshop is closed.
 */
export const DELETE: RequestHandler = async (event) => {
	const { params } = event;
	const caller = await requireWorkshop(event, { need: 'member', role: 'facilitator' });
	if (caller instanceof Response) return caller;
	try {
		await caller.app.method.run(caller.actor, { type: 'map.remove', mapId: params.mapId });
	} catch (error) {
		if (error instanceof MethodError) return problem(METHOD_STATUS[error.code], error.code, error.message);
		throw error;
	}
	return json({ removed: true });
};
