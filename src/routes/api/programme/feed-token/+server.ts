import { json } from '@sveltejs/kit';
import { requireOrganiser } from '$lib/server/http/require-workshop';
import { feedUrl, rotateFeedToken } from '$lib/server/programme/calendar';
import type { RequestHandler } from './$types';

/**
 * POST /api/programme/feed-token (organiser) → 201 { url, createdAt }: a new token for
 * the caller's follow-up calendar feed; the caller's previous one stops working
 * (each organiser identity has its own, so a colleague's subscription keeps working). Only its hash is stored,
 * so the URL is given here, once.
 */
export const POST: RequestHandler = async (event) => {
	const caller = await requireOrganiser(event);
	if (caller instanceof Response) return caller;
	const now = new Date();
	const token = await rotateFeedToken(caller.app, caller.organiser, now);
	const origin = caller.app.config.publicOrigin ?? event.url.origin;
	return json({ url: feedUrl(origin, token), createdAt: now.toISOString() }, { status: 201, headers: { 'cache-control': 'no-store' } });
};
