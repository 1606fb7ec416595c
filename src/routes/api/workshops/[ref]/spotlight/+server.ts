import { json } from '@sveltejs/kit';
import { spotlightAnswer, spotlightRequestSchema } from '$lib/api/spotlight';
import { problem, readJson } from '$lib/server/http/problem';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { firstIssue } from '$lib/server/http/schemas';
import { MethodError } from '$lib/server/method/method-error';
import { readControl } from '$lib/sync/control';
import type { RequestHandler } from './$types';

const METHOD_STATUS = { not_found: 404, conflict: 409, forbidden: 403, bad_request: 400 } as const;

/** GET /api/workshops/:ref/spotlight (the facilitator or a participant) → 200 { kind, id? }: what the projector shows. */
export const GET: RequestHandler = async (event) => {
	const call = await requireWorkshop(event, { need: 'member' });
	if (call instanceof Response) return call;
	const control = await call.app.docs.get(call.workshop.id, 'control');
	const { spotlight } = readControl(control.doc);
	return json(spotlightAnswer(spotlight));
};

/**
 * POST /api/workshops/:ref/spotlight (facilitator) { kind, id? } → 200 { kind, id? }. The
 * same server command as the facilitator screen's (`spotlight.set`), so the projector and
 * following phones get it as a change of the control document at once. 400 for an unknown
 * kind, a missing or unknown id; 401/403 without the facilitator's credentials; 409 closed.
 */
export const POST: RequestHandler = async (event) => {
	const call = await requireFacilitator(event);
	if (call instanceof Response) return call;
	const body = await readJson(event.request);
	if (body instanceof Response) return body;
	const parsed = spotlightRequestSchema.safeParse(body);
	if (!parsed.success) return problem(400, 'bad_request', firstIssue(parsed.error));
	try {
		await call.app.method.run(call.actor, { type: 'spotlight.set', spotlight: parsed.data });
	} catch (error) {
		if (error instanceof MethodError) return problem(METHOD_STATUS[error.code], error.code, error.message);
		throw error;
	}
	const control = await call.app.docs.get(call.workshop.id, 'control');
	return json(spotlightAnswer(readControl(control.doc).spotlight));
};

/** Like the map routes: 401 for someone outside the workshop, 403 for a participant or facilitator credentials of another workshop. */
async function requireFacilitator(event: Parameters<RequestHandler>[0]) {
	const call = await requireWorkshop(event, { need: 'facilitator' });
	if (!(call instanceof Response) || call.status !== 401) return call;
	const member = await requireWorkshop(event, { need: 'member' });
	return member instanceof Response ? call : problem(403, 'forbidden', 'only the facilitator may change what the projector shows');
}
