import { json } from '@sveltejs/kit';
import { setupTemplateRequestSchema } from '$lib/api/setup-templates';
import { problem, readJson } from '$lib/server/http/problem';
import { requireOrganiser } from '$lib/server/http/require-workshop';
import { firstIssue } from '$lib/server/http/schemas';
import { keepAsTemplate } from '$lib/server/programme/setup-templates';
import type { RequestHandler } from './$types';

/**
 * PUT /api/programme/templates/:workshopId (organiser) { name, municipality? } → 200 the
 * template: the workshop's setup is kept as a template for the municipality (or renamed).
 * 400 bad name or municipality, 404 unknown workshop.
 */
export const PUT: RequestHandler = async (event) => {
	const caller = await requireOrganiser(event);
	if (caller instanceof Response) return caller;
	const body = await readJson(event.request);
	if (body instanceof Response) return body;
	const parsed = setupTemplateRequestSchema.safeParse(body);
	if (!parsed.success) return problem(400, 'bad_request', firstIssue(parsed.error));
	const template = await keepAsTemplate(caller.app, {
		workshopId: event.params.workshopId,
		name: parsed.data.name,
		municipality: parsed.data.municipality || null,
		now: new Date()
	});
	return template ? json(template) : problem(404, 'not_found', 'no such workshop');
};

/** DELETE /api/programme/templates/:workshopId (organiser) → 204; the workshop itself stays. 404 when it was no template. */
export const DELETE: RequestHandler = async (event) => {
	const caller = await requireOrganiser(event);
	if (caller instanceof Response) return caller;
	const removed = await caller.app.storage.setupTemplates.remove(event.params.workshopId);
	return removed ? new Response(null, { status: 204 }) : problem(404, 'not_found', 'that workshop is not a template');
};
