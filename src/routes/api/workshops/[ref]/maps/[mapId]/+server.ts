import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { problem } from '$lib/server/http/problem';
import { authorizeMapRequest, mapAnswer, readLiveMap } from '$lib/server/maps';
import type { RequestHandler } from './$types';

/**
 * GET /api/workshops/:ref/maps/:mapId (facilitator or a participant of the
 * workshop) → { title, factors, links, loops: [{ kind, factors, links, name?, story? }],
 * loopsTruncated }, computed from the live document.
 */
export const GET: RequestHandler = async ({ params, request, cookies, getClientAddress }) => {
	const app = await getApp();
	const caller = await authorizeMapRequest({
		app,
		ref: params.ref,
		request,
		cookies,
		clientAddress: getClientAddress(),
		need: 'member'
	});
	if (caller instanceof Response) return caller;
	const snapshot = await readLiveMap(app, caller.workshop.id, params.mapId);
	if (!snapshot) return problem(404, 'not_found', 'no map with that id in this workshop');
	return json(mapAnswer(snapshot));
};
