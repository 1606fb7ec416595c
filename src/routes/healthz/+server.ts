import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { problem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/**
 * 200 when the database answers, 503 otherwise. `unstoredBytes` is applied change
 * still waiting to be stored after an outage; it falls to 0 once all of it is stored.
 */
export const GET: RequestHandler = async () => {
	try {
		const app = await getApp();
		await app.storage.ping();
		return json({ status: 'ok', storage: app.storage.kind, unstoredBytes: app.docs.unstoredBytes() });
	} catch {
		return problem(503, 'unavailable', 'database does not answer');
	}
};
