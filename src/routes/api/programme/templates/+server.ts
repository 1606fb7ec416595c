import { json } from '@sveltejs/kit';
import type { SetupTemplate } from '$lib/api/setup-templates';
import { requireOrganiser } from '$lib/server/http/require-workshop';
import { NO_STORE } from '$lib/server/programme/http';
import { listSetupTemplates } from '$lib/server/programme/setup-templates';
import type { RequestHandler } from './$types';

/**
 * GET /api/programme/templates (organiser) → 200 { templates: [{ workshopId, name,
 * municipality, title, createdAt }] }: the workshops kept as templates, by municipality.
 * A new workshop starts from one with POST /api/workshops/:workshopId/copy.
 */
export const GET: RequestHandler = async (event) => {
	const caller = await requireOrganiser(event);
	if (caller instanceof Response) return caller;
	const templates: SetupTemplate[] = await listSetupTemplates(caller.app);
	return json({ templates }, { headers: NO_STORE });
};
