import { redirect } from '@sveltejs/kit';
import { archiveApp } from '$lib/server/archive/access';
import { beginSignIn, providerConfiguration } from '$lib/server/auth/oidc-client';
import { oidcConfig } from '$lib/server/auth/oidc-config';
import { keepPendingSignIn } from '$lib/server/auth/pending-sign-in';
import { problem } from '$lib/server/http/problem';
import { log } from '$lib/server/log';
import type { RequestHandler } from './$types';

/**
 * GET /auth/login → 303 to the identity provider (authorisation code flow with PKCE,
 * state and nonce); 404 when OpenID Connect is not configured, 503 when the provider's
 * metadata cannot be fetched.
 */
export const GET: RequestHandler = async ({ cookies, url }) => {
	const config = oidcConfig();
	if (!config)
		return problem(404, 'not_found', 'OpenID Connect sign-in is not configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)');
	const origin = (await archiveApp()).config.publicOrigin ?? url.origin;
	let target: URL;
	try {
		const { url: authorisation, pending } = await beginSignIn(await providerConfiguration(config), `${origin}/auth/callback`);
		keepPendingSignIn(cookies, pending, origin.startsWith('https:'));
		target = authorisation;
	} catch (error) {
		log.error('oidc.discovery_failed', { issuer: config.issuer.href, error });
		return problem(503, 'unavailable', 'the identity provider cannot be reached; try again later');
	}
	redirect(303, target.href);
};
