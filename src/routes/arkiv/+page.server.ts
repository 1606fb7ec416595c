import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { facilitatorUrl } from '$lib/server/http/links';
import { archiveApp, archiveConfig, facilitatedWorkshops } from '$lib/server/archive/access';
import { listArchive } from '$lib/server/archive/archive-list';
import { startFollowUp } from '$lib/server/archive/follow-up';
import { logInOrganiser, logOutOrganiser, noteWrongOrganiserAttempt } from '$lib/server/archive/organiser-auth';
import { oidcConfig } from '$lib/server/auth/oidc-config';
import { identifyOrganiser } from '$lib/server/auth/organiser-identity';
import { endOrganiserSession } from '$lib/server/auth/organiser-session';
import { clientAddress } from '$lib/server/http/client-address';
import { municipalityFormSchema, programmeQuery } from '$lib/api/programme';
import { filterWorkshops, municipalities, programmeTotals } from '$lib/domain/programme/programme';
import { THEMES } from '$lib/domain/method/default-templates';
import { toFilter } from '$lib/server/programme/http';
import { loadProgramme, programmeGaps, programmeOutcomes, programmeSteps } from '$lib/server/programme/programme';
import { setMunicipality } from '$lib/server/programme/municipality';
import { feedUrl, rotateFeedToken } from '$lib/server/programme/calendar';
import type { Actions, PageServerLoad } from './$types';

const QUERY_MAX = 100;

/**
 * The archive: organisers (passphrase or OpenID Connect) see every workshop; a
 * browser without either sees the workshops whose facilitator cookie it holds, and
 * the ways to sign in. Search and everything else work without scripts.
 */
export const load: PageServerLoad = async (event) => {
	const { request, cookies, url, locals } = event;
	const app = await archiveApp();
	const config = archiveConfig();
	const address = clientAddress(event);
	const identity = await identifyOrganiser({ request, cookies, config, clientAddress: address, storage: app.storage });
	const { check } = identity;
	const organiser = identity.organiser !== null;
	const own = organiser ? null : new Set((await facilitatedWorkshops(app, { request, cookies })).map((w) => w.id));
	if (check === 'wrong' && own?.size === 0) noteWrongOrganiserAttempt(address);
	const query = (url.searchParams.get('q') ?? '').slice(0, QUERY_MAX);
	const canList = organiser || (own !== null && own.size > 0);
	const rows = canList ? await listArchive(app, { onlyIds: own, query, lang: locals.lang, now: new Date() }) : [];
	return {
		organiser,
		canList,
		configured: config.organiserPassphrase !== null,
		oidc: oidcConfig() !== null,
		query,
		rows,
		programme: identity.organiser !== null ? await programmeView(app, url, locals.lang, identity.organiser) : null
	};
};

/**
 * The organisers' programme across workshops: the filter from the query (a bad value is
 * ignored, as a search field would), the workshops it keeps with totals, the shared
 * gaps and the next steps.
 */
async function programmeView(app: Awaited<ReturnType<typeof archiveApp>>, url: URL, lang: 'sv' | 'en', organiser: string) {
	const parsed = programmeQuery(url.searchParams);
	const query = parsed.success ? parsed.data : {};
	const filter = toFilter(query);
	const now = new Date();
	const data = await loadProgramme(app, { lang, now });
	const workshops = filterWorkshops(data.workshops, filter);
	return {
		query,
		// The valid filter only, for the download links.
		filterString: new URLSearchParams(Object.entries(query)).toString(),
		themes: THEMES.map((theme) => ({ id: theme.id, name: theme.name[lang] })),
		municipalities: municipalities(data.workshops),
		workshops,
		totals: programmeTotals(workshops),
		outcomes: programmeOutcomes(data, filter),
		gaps: programmeGaps(data, filter).map(({ workshopIds: _ids, ...gap }) => gap),
		steps: await programmeSteps(app, data, filter, now),
		feedCreatedAt: (await app.storage.feeds.findFor(organiser))?.createdAt ?? null
	};
}

const loginSchema = z.object({ passphrase: z.string().min(1).max(500) });
const followUpSchema = z.object({ workshopId: z.string().regex(/^[a-z0-9]{1,40}$/) });

export const actions: Actions = {
	login: async (event) => {
		const { request, cookies, url } = event;
		const parsed = loginSchema.safeParse({ passphrase: (await request.formData()).get('passphrase') ?? '' });
		if (!parsed.success) return fail(400, { login: 'wrong' as const });
		const outcome = logInOrganiser({
			passphrase: parsed.data.passphrase,
			config: archiveConfig(),
			cookies,
			clientAddress: clientAddress(event),
			secure: url.protocol === 'https:'
		});
		if (outcome !== 'ok') return fail(outcome === 'rate_limited' ? 429 : 400, { login: outcome });
		redirect(303, '/arkiv');
	},
	municipality: async (event) => {
		const { request, cookies } = event;
		const app = await archiveApp();
		const form = await request.formData();
		const parsed = municipalityFormSchema.safeParse({
			workshopId: form.get('workshopId') ?? '',
			municipality: form.get('municipality') ?? ''
		});
		if (!parsed.success) return fail(400, { municipality: 'failed' as const });
		const address = clientAddress(event);
		const { check } = await identifyOrganiser({ request, cookies, config: archiveConfig(), clientAddress: address, storage: app.storage });
		if (check !== 'organiser') {
			if (check === 'wrong') noteWrongOrganiserAttempt(address);
			return fail(check === 'rate_limited' ? 429 : 403, { municipality: 'failed' as const });
		}
		const { workshopId, municipality } = parsed.data;
		if (!(await setMunicipality(app, workshopId, municipality))) return fail(404, { municipality: 'failed' as const });
		return { municipalitySaved: true };
	},
	rotateFeed: async (event) => {
		const { request, cookies, url } = event;
		const app = await archiveApp();
		const address = clientAddress(event);
		const { check, organiser: identity } = await identifyOrganiser({
			request,
			cookies,
			config: archiveConfig(),
			clientAddress: address,
			storage: app.storage
		});
		if (identity === null) {
			if (check === 'wrong') noteWrongOrganiserAttempt(address);
			return fail(check === 'rate_limited' ? 429 : 403, { feed: 'failed' as const });
		}
		const token = await rotateFeedToken(app, identity, new Date());
		return { feedUrl: feedUrl(app.config.publicOrigin ?? url.origin, token) };
	},
	logout: async ({ cookies }) => {
		logOutOrganiser(cookies);
		await endOrganiserSession((await archiveApp()).storage, cookies);
		redirect(303, '/arkiv');
	},
	followUp: async (event) => {
		const { request, cookies, url } = event;
		const app = await archiveApp();
		const parsed = followUpSchema.safeParse({ workshopId: (await request.formData()).get('workshopId') ?? '' });
		if (!parsed.success) return fail(400, { followUp: 'failed' as const });
		const { workshopId } = parsed.data;
		const address = clientAddress(event);
		const { check } = await identifyOrganiser({ request, cookies, config: archiveConfig(), clientAddress: address, storage: app.storage });
		const organiser = check === 'organiser';
		const facilitator = !organiser && (await facilitatedWorkshops(app, { request, cookies })).some((w) => w.id === workshopId);
		if (!organiser && !facilitator) {
			if (check === 'wrong') noteWrongOrganiserAttempt(address);
			return fail(check === 'rate_limited' ? 429 : 403, { followUp: 'failed' as const });
		}
		const outcome = await startFollowUp(app, { workshopId, actor: organiser ? 'organiser' : 'facilitator', now: new Date() });
		if (!outcome.ok) return fail(outcome.status, { followUp: 'failed' as const });
		const origin = app.config.publicOrigin ?? url.origin;
		const { workshop, facilitatorSecret } = outcome.value;
		return { started: { title: workshop.title, facilitatorUrl: facilitatorUrl(origin, workshop, facilitatorSecret) } };
	}
};
