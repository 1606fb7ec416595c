import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './ports';

/** An account of the test identity provider, with the claims it gives. */
export interface TestAccount {
	id: string;
	email: string;
	groups: string[];
}

export interface RunningProvider {
	issuer: string;
	stop(): Promise<void>;
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on loopback, with its
 * development login and consent pages: any password signs an account in. Each client
 * is confidential (client_secret_post) and may redirect to `redirectUri` only. The
 * id token carries the e-mail and groups claims.
 */
export async function startOidcProvider(options: {
	/** A free one when not given. */
	port?: number;
	clients: { id: string; secret: string }[];
	redirectUri: string;
	accounts: TestAccount[];
}): Promise<RunningProvider> {
	const port = options.port ?? (await freePort());
	const issuer = `http://127.0.0.1:${port}`;
	const accounts = new Map(options.accounts.map((a) => [a.id, a]));
	const provider = new Provider(issuer, {
		clients: options.clients.map((c) => ({
			client_id: c.id,
			client_secret: c.secret,
			redirect_uris: [options.redirectUri],
			grant_types: ['authorization_code'],
			response_types: ['code'],
			token_endpoint_auth_method: 'client_secret_post'
		})),
		claims: { openid: ['sub'], email: ['email', 'email_verified'], groups: ['groups'] },
		conformIdTokenClaims: false,
		cookies: { keys: ['datadialog-test-provider'] },
		findAccount: async (_ctx, id) => {
			const account = accounts.get(id);
			if (!account) return undefined;
			return {
				accountId: id,
				claims: async () => ({ sub: id, email: account.email, email_verified: true, groups: account.groups })
			};
		}
	});
	const server: Server = provider.listen(port, '127.0.0.1');
	await new Promise<void>((resolve) => server.once('listening', () => resolve()));
	return {
		issuer,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
