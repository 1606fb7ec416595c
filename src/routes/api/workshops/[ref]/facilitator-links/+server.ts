import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { singleLineSchema } from '$lib/domain/workshop/text-input';
import { createFacilitatorLink, FACILITATOR_LINKS_MAX, LINK_LABEL_MAX, linkView } from '$lib/server/facilitator-links';
import { facilitatorUrl } from '$lib/server/http/links';
import { problem, readJson } from '$lib/server/http/problem';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { firstIssue } from '$lib/server/http/schemas';
import type { RequestHandler } from './$types';

const createLinkSchema = z.object({ label: singleLineSchema({ max: LINK_LABEL_MAX }) }).strict();

/**
 * GET /api/workshops/:ref/facilitator-links (facilitator or organiser)
 * → 200 { links: [{ id, label, createdAt, revokedAt }] }: the co-facilitators' links,
 * revoked ones included, never their secrets.
 */
export const GET: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser' });
	if (caller instanceof Response) return caller;
	const rows = await caller.app.storage.facilitatorLinks.list(caller.workshop.id);
	return json({ links: rows.map(linkView) }, { headers: { 'cache-control': 'no-store' } });
};

/**
 * POST /api/workshops/:ref/facilitator-links (facilitator or organiser, open or closed)
 * { label } → 201 { id, label, createdAt, revokedAt: null, url }: a facilitator link of
 * its own for a co-facilitator or a second device, revocable on its own. `url` carries
 * the secret and is given only here, once. An organiser opens any workshop as
 * facilitator this way. 400 bad label, 409 when the workshop has 20 active links.
 */
export const POST: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser', whenClosed: 'allow' });
	if (caller instanceof Response) return caller;
	const body = await readJson(event.request);
	if (body instanceof Response) return body;
	const parsed = createLinkSchema.safeParse(body);
	if (!parsed.success) return problem(400, 'bad_request', firstIssue(parsed.error));
	const created = await createFacilitatorLink(caller.app, {
		workshop: caller.workshop,
		label: parsed.data.label,
		actor: caller.actor.role,
		now: new Date()
	});
	if (!created)
		return problem(409, 'conflict', `a workshop has at most ${FACILITATOR_LINKS_MAX} active facilitator links; revoke one first`);
	const origin = caller.app.config.publicOrigin ?? event.url.origin;
	return json(
		{ ...created.link, url: facilitatorUrl(origin, caller.workshop, created.secret) },
		{ status: 201, headers: { 'cache-control': 'no-store' } }
	);
};
