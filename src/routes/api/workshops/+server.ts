import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { facilitatorUrl, joinUrl } from '$lib/server/http/links';
import { problem, readJson } from '$lib/server/http/problem';
import { createWorkshopSchema, firstIssue } from '$lib/server/http/schemas';
import { log } from '$lib/server/log';
import { createWorkshop } from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/** POST /api/workshops { title } → 201 { id, code, joinUrl, facilitatorUrl, facilitatorSecret } */
export const POST: RequestHandler = async ({ request, url }) => {
	const body = await readJson(request);
	if (body instanceof Response) return body;
	const parsed = createWorkshopSchema.safeParse(body);
	if (!parsed.success) return problem(400, 'bad_request', firstIssue(parsed.error));
	const app = await getApp();
	const { workshop, facilitatorSecret } = await createWorkshop(app.storage, parsed.data.title);
	log.info('workshop.created', { workshopId: workshop.id, via: 'api' });
	const origin = app.config.publicOrigin ?? url.origin;
	return json(
		{
			id: workshop.id,
			code: workshop.code,
			joinUrl: joinUrl(origin, workshop),
			facilitatorUrl: facilitatorUrl(origin, workshop, facilitatorSecret),
			facilitatorSecret
		},
		{ status: 201 }
	);
};
