import { error, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { isFacilitatorRequest, setFacilitatorCookie } from '$lib/server/http/facilitator-auth';
import { facilitatorUrl, joinUrl } from '$lib/server/http/links';
import { secretMatches } from '$lib/server/secrets';
import { facilitatorCookie } from '$lib/sync/protocol';
import { qrSvg } from '$lib/server/http/qr';
import { facilitatorSecretOf } from '$lib/server/workshops';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, url, cookies, request }) => {
	const app = await getApp();
	const workshop = await app.storage.workshops.findById(params.id);
	if (!workshop) error(404, { message: 'Not found' });

	// The link carries the secret once: keep it in an httpOnly cookie and drop it from the address bar.
	const key = url.searchParams.get('key');
	if (key) {
		if (!(await facilitatorSecretOf(app.storage, workshop, key))) error(403, { message: 'Forbidden' });
		setFacilitatorCookie(cookies, workshop.id, key, url.protocol === 'https:');
		redirect(303, url.pathname);
	}
	if (!(await isFacilitatorRequest({ storage: app.storage, request, cookies, workshop }))) error(403, { message: 'Forbidden' });

	const origin = app.config.publicOrigin ?? url.origin;
	const join = joinUrl(origin, workshop);
	// Right after creating the workshop, its own facilitator link, shown once to be saved.
	const secret = cookies.get(facilitatorCookie(workshop.id));
	const newLink =
		url.searchParams.has('ny') && secret && secretMatches(secret, workshop.secretHash) ? facilitatorUrl(origin, workshop, secret) : null;
	return {
		newLink,
		workshop: { id: workshop.id, code: workshop.code, title: workshop.title, phase: workshop.phase },
		joinUrl: join,
		qr: await qrSvg(join)
	};
};
