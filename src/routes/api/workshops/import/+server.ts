import { json } from '@sveltejs/kit';
import { archiveDocumentSchema } from '$lib/domain/archive/schema';
import { facilitatorUrl, joinUrl } from '$lib/server/http/links';
import { problem } from '$lib/server/http/problem';
import { firstIssue } from '$lib/server/http/schemas';
import { readRawBody } from '$lib/server/indicators/http';
import { importCall } from '$lib/server/archive/access';
import { outcomeResponse } from '$lib/server/archive/http';
import { importWorkshop } from '$lib/server/archive/import';
import type { RequestHandler } from './$types';

/** An export carries its indicator data; a large one is some megabytes. (adapter-node's BODY_SIZE_LIMIT must allow it too.) */
const IMPORT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * POST /api/workshops/import, body: a JSON export (`export.json`), facilitator
 * of any workshop on this server or organiser → 201 { id, code, joinUrl,
 * facilitatorUrl, facilitatorSecret }: a new, open workshop with everything the
 * export holds. The whole file is checked first; a bad one answers 400 (or 409
 * for content the workshop refuses) and stores nothing.
 */
export const POST: RequestHandler = async (event) => {
	const caller = await importCall(event);
	if (caller instanceof Response) return caller;
	const type = (event.request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
	if (type !== 'application/json') return problem(415, 'bad_request', 'Content-Type must be application/json');
	const bytes = await readRawBody(event.request, IMPORT_MAX_BYTES);
	if (bytes instanceof Response) return bytes;
	let body: unknown;
	try {
		body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		return problem(400, 'bad_request', 'body must be a JSON export in UTF-8');
	}
	const parsed = archiveDocumentSchema.safeParse(body);
	if (!parsed.success) return problem(400, 'bad_request', firstIssue(parsed.error));
	const outcome = await importWorkshop(caller.app, parsed.data, caller.actor);
	const origin = caller.app.config.publicOrigin ?? event.url.origin;
	return outcomeResponse(outcome, ({ workshop, facilitatorSecret }) =>
		json(
			{
				id: workshop.id,
				code: workshop.code,
				joinUrl: joinUrl(origin, workshop),
				facilitatorUrl: facilitatorUrl(origin, workshop, facilitatorSecret),
				facilitatorSecret
			},
			{ status: 201 }
		)
	);
};
