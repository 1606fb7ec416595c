import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { facilitatorUrl } from '$lib/server/http/links';
import { archiveApp, archiveConfig, facilitatedWorkshops } from '$lib/server/archive/access';
import { listArchive } from '$lib/server/archive/archive-list';
import { startFollowUp } from '$lib/server/archive/follow-up';
import { isOrganiserRequest, logInOrganiser, logOutOrganiser } from '$lib/server/archive/organiser-auth';
import type { Actions, PageServerLoad } from './$types';

const QUERY_MAX = 100;

/**
 * The archive: organisers (passphrase) see every workshop; a browser without
 * the passphrase sees the workshops whose facilitator cookie it holds, and a
 * login form. Search and everything else work without scripts.
 */
export const load: PageServerLoad = async ({ request, cookies, url, locals }) => {
	const app = await archiveApp();
	const config = archiveConfig();
	const organiser = isOrganiserRequest({ request, cookies, config });
	const own = organiser ? null : new Set((await facilitatedWorkshops(app, { request, cookies })).map((w) => w.id));
	const query = (url.searchParams.get('q') ?? '').slice(0, QUERY_MAX);
	const canList = organiser || (own !== null && own.size > 0);
	const rows = canList ? await listArchive(app, { onlyIds: own, query, lang: locals.lang, now: new Date() }) : [];
	return { organiser, canList, configured: config.organiserPassphrase !== null, query, rows };
};

const loginSchema = z.object({ passphrase: z.string().min(1).max(500) });
const followUpSchema = z.object({ workshopId: z.string().regex(/^[a-z0-9]{1,40}$/) });

export const actions: Actions = {
	login: async ({ request, cookies, url, getClientAddress }) => {
		const parsed = loginSchema.safeParse({ passphrase: (await request.formData()).get('passphrase') ?? '' });
		if (!parsed.success) return fail(400, { login: 'wrong' as const });
		const outcome = logInOrganiser({
			passphrase: parsed.data.passphrase,
			config: archiveConfig(),
			cookies,
			clientAddress: getClientAddress(),
			secure: url.protocol === 'https:'
		});
		if (outcome !== 'ok') return fail(outcome === 'rate_limited' ? 429 : 400, { login: outcome });
		redirect(303, '/arkiv');
	},
	logout: async ({ cookies }) => {
		logOutOrganiser(cookies);
		redirect(303, '/arkiv');
	},
	followUp: async ({ request, cookies, url }) => {
		const app = await archiveApp();
		const parsed = followUpSchema.safeParse({ workshopId: (await request.formData()).get('workshopId') ?? '' });
		if (!parsed.success) return fail(400, { followUp: 'failed' as const });
		const { workshopId } = parsed.data;
		const organiser = isOrganiserRequest({ request, cookies, config: archiveConfig() });
		const facilitator = !organiser && (await facilitatedWorkshops(app, { request, cookies })).some((w) => w.id === workshopId);
		if (!organiser && !facilitator) return fail(403, { followUp: 'failed' as const });
		const outcome = await startFollowUp(app, { workshopId, actor: organiser ? 'organiser' : 'facilitator', now: new Date() });
		if (!outcome.ok) return fail(outcome.status, { followUp: 'failed' as const });
		const origin = app.config.publicOrigin ?? url.origin;
		const { workshop, facilitatorSecret } = outcome.value;
		return { started: { title: workshop.title, facilitatorUrl: facilitatorUrl(origin, workshop, facilitatorSecret) } };
	}
};
