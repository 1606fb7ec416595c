import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { problem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** 200 when the database answers, 503 otherwise. */
export const GET: RequestHandler = async () => {
	try {
		const app = await getApp();
		await app.storage.ping();
		return json({ status: 'ok', storage: app.storage.kind });
	} catch {
		return problem(503, 'unavailable', 'database does not answer');
	}
};
