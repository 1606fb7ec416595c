import * as client from 'openid-client';
import { z } from 'zod';
import type { IdentityClaims } from './admission';
import type { OidcConfig } from './oidc-config';

/** What the browser carries from the login redirect to the callback (in a short-lived cookie). */
export interface PendingSignIn {
	state: string;
	nonce: string;
	verifier: string;
}

export const pendingSignInSchema = z.object({
	state: z.string().min(20).max(200),
	nonce: z.string().min(20).max(200),
	verifier: z.string().min(43).max(128)
});

let discovered: Promise<client.Configuration> | null = null;

/**
 * The identity provider's metadata, discovered once per process (and again after a
 * failure). Plain http is allowed only for an issuer on this machine, as the tests run one.
 */
export function providerConfiguration(config: OidcConfig): Promise<client.Configuration> {
	discovered ??= client
		.discovery(config.issuer, config.clientId, config.clientSecret, undefined, {
			execute: isLocal(config.issuer) ? [client.allowInsecureRequests] : []
		})
		.catch((error: unknown) => {
			discovered = null;
			throw error;
		});
	return discovered;
}

function isLocal(url: URL): boolean {
	return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]');
}

/** The provider's authorisation URL (code flow, PKCE S256, state and nonce) and what the callback must check. */
export async function beginSignIn(configuration: client.Configuration, redirectUri: string): Promise<{ url: URL; pending: PendingSignIn }> {
	const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
	const url = client.buildAuthorizationUrl(configuration, {
		redirect_uri: redirectUri,
		scope: 'openid email profile groups',
		response_type: 'code',
		code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
		code_challenge_method: 'S256',
		state: pending.state,
		nonce: pending.nonce
	});
	return { url, pending };
}

/**
 * Exchanges the callback's code for tokens and returns the id token's claims. openid-client
 * checks the state, the PKCE verifier, and the id token's signature, issuer, audience
 * (our client id), expiry and nonce; any mismatch throws, and nothing is signed in.
 */
export async function finishSignIn(configuration: client.Configuration, callbackUrl: URL, pending: PendingSignIn): Promise<IdentityClaims> {
	const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
		pkceCodeVerifier: pending.verifier,
		expectedState: pending.state,
		expectedNonce: pending.nonce,
		idTokenExpected: true
	});
	const claims = tokens.claims();
	if (!claims) throw new Error('the token response has no id token');
	return claims;
}
