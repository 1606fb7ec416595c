import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { finishSignIn, type PendingSignIn } from './oidc-client';

const ISSUER = 'https://idp.kommun.example';
const CLIENT_ID = 'datadialog';
const { publicKey, privateKey } = await generateKeyPair('RS256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

const pending: PendingSignIn = { state: 'state-0123456789abcdefghij', nonce: 'nonce-0123456789abcdefghij', verifier: 'v'.repeat(43) };

interface TokenClaims {
	iss?: string;
	aud?: string;
	nonce?: string;
	/** Seconds from now. */
	expiresIn?: number;
}

/**
 * A provider configuration whose token endpoint answers with an id token signed by a
 * local key (and whose JWKS serves that key), so the claims openid-client checks can be
 * set one by one; a real provider never issues a wrong or expired token on request.
 */
async function providerIssuing(claims: TokenClaims): Promise<client.Configuration> {
	const now = Math.floor(Date.now() / 1000);
	const idToken = await new SignJWT({ nonce: claims.nonce ?? pending.nonce, groups: ['datadialog-organisers'] })
		.setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
		.setIssuer(claims.iss ?? ISSUER)
		.setAudience(claims.aud ?? CLIENT_ID)
		.setSubject('kim')
		.setIssuedAt(now - 60)
		.setExpirationTime(now + (claims.expiresIn ?? 300))
		.sign(privateKey);
	const configuration = new client.Configuration(
		{
			issuer: ISSUER,
			authorization_endpoint: `${ISSUER}/auth`,
			token_endpoint: `${ISSUER}/token`,
			jwks_uri: `${ISSUER}/jwks`,
			id_token_signing_alg_values_supported: ['RS256']
		},
		CLIENT_ID,
		'datadialog-secret'
	);
	configuration[client.customFetch] = async (url) => {
		const body = url.endsWith('/jwks')
			? { keys: [jwk] }
			: { access_token: 'access', token_type: 'Bearer', expires_in: 300, id_token: idToken };
		return Response.json(body, { headers: { 'cache-control': 'no-store' } });
	};
	return configuration;
}

const callback = (state = pending.state) => new URL(`https://datadialog.kommun.example/auth/callback?code=the-code&state=${state}`);

describe('finishSignIn', () => {
	it("returns the id token's claims when issuer, audience, expiry, nonce and state are right", async () => {
		const claims = await finishSignIn(await providerIssuing({}), callback(), pending);
		expect(claims).toMatchObject({ sub: 'kim', iss: ISSUER, aud: CLIENT_ID, groups: ['datadialog-organisers'] });
	});

	it.each<[string, TokenClaims, string]>([
		['an id token for another client (wrong audience)', { aud: 'another-app' }, 'aud'],
		['an expired id token', { expiresIn: -120 }, 'exp'],
		['an id token from another issuer', { iss: 'https://evil.example' }, 'iss'],
		['an id token with another nonce (a replayed token)', { nonce: 'nonce-from-another-sign-in-000' }, 'nonce']
	])('refuses %s', async (_name, claims, reason) => {
		await expect(finishSignIn(await providerIssuing(claims), callback(), pending)).rejects.toMatchObject({
			cause: { cause: { claim: reason } }
		});
	});

	it('refuses a callback whose state is not the pending one', async () => {
		await expect(finishSignIn(await providerIssuing({}), callback('state-of-someone-else-000000'), pending)).rejects.toMatchObject({
			cause: { message: expect.stringContaining('"state"') }
		});
	});
});
