import { startOidcProvider } from '../helpers/oidc-provider';
import { E2E_OIDC } from '../../playwright.config';

/**
 * The municipality's identity provider for the browser tests: a real OpenID Connect
 * provider (`oidc-provider`) on the port the app's OIDC_ISSUER names. The app discovers
 * it only at the first sign-in, so it may start after the app's server.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
	const provider = await startOidcProvider({
		port: E2E_OIDC.port,
		clients: [{ id: E2E_OIDC.clientId, secret: E2E_OIDC.clientSecret }],
		redirectUri: E2E_OIDC.redirectUri,
		accounts: [{ id: 'kim', email: 'kim@botkyrka.se', groups: [E2E_OIDC.group] }]
	});
	return () => provider.stop();
}
