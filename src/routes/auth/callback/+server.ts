import { redirect } from '@sveltejs/kit';
import { archiveApp } from '$lib/server/archive/access';
import { admit } from '$lib/server/auth/admission';
import { finishSignIn, providerConfiguration } from '$lib/server/auth/oidc-client';
import { oidcConfig } from '$lib/server/auth/oidc-config';
import { startOrganiserSession } from '$lib/server/auth/organiser-session';
import { takePendingSignIn } from '$lib/server/auth/pending-sign-in';
import { refusalPage } from '$lib/server/auth/refusal-page';
import { problem } from '$lib/server/http/problem';
import { log } from '$lib/server/log';
import type { RequestHandler } from './$types';

/**
 * GET /auth/callback?code&state → 303 to /arkiv with an organiser session, after the
 * code exchange and the id token's checks (issuer, audience, expiry, nonce, state, PKCE)
 * and the allowed groups/domains. Refused, nothing is signed in: 400 (no sign-in in
 * progress, a bad state or token) or 403 (outside the allowed groups and domains), as a
 * page in the visitor's language; the reason goes to the log in English.
 */
export const GET: RequestHandler = async ({ cookies, url, locals }) => {
	const config = oidcConfig();
	if (!config) return problem(404, 'not_found', 'OpenID Connect sign-in is not configured');
	const pending = takePendingSignIn(cookies);
	if (!pending) {
		log.warn('oidc.refused', { reason: 'no sign-in in progress (the pending sign-in cookie is missing, expired or malformed)' });
		return refusalPage(400, 'expired', locals.lang);
	}
	const app = await archiveApp();
	const origin = app.config.publicOrigin ?? url.origin;
	let claims;
	try {
		claims = await finishSignIn(await providerConfiguration(config), new URL(`${url.pathname}${url.search}`, origin), pending);
	} catch (error) {
		log.warn('oidc.refused', { reason: 'the authorisation response or id token did not validate', error });
		return refusalPage(400, 'failed', locals.lang);
	}
	const admission = admit(claims, config);
	if (!admission.admitted) {
		log.warn('oidc.forbidden', { reason: admission.reason });
		return refusalPage(403, 'forbidden', locals.lang);
	}
	await startOrganiserSession({
		storage: app.storage,
		cookies,
		organiser: admission.organiser,
		email: admission.email,
		now: new Date(),
		secure: origin.startsWith('https:')
	});
	log.info('oidc.signed_in', { organiser: admission.organiser });
	redirect(303, '/arkiv');
};
