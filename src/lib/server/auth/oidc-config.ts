import { z } from 'zod';

/**
 * OpenID Connect sign-in for organisers, from the environment: `OIDC_ISSUER`,
 * `OIDC_CLIENT_ID` and `OIDC_CLIENT_SECRET` turn it on (all three or none);
 * `OIDC_ALLOWED_GROUPS` (comma list, checked against the id token's `groups` claim) and
 * `OIDC_ALLOWED_DOMAINS` (comma list of e-mail domains) say who may sign in. With
 * neither, anyone the identity provider signs in is an organiser, so an install must
 * set at least one.
 */
export interface OidcConfig {
	issuer: URL;
	clientId: string;
	clientSecret: string;
	allowedGroups: string[];
	allowedDomains: string[];
}

const list = z
	.string()
	.optional()
	.transform((value) =>
		(value ?? '')
			.split(',')
			.map((item) => item.trim())
			.filter((item) => item !== '')
	);

const envSchema = z.object({
	OIDC_ISSUER: z.url({ protocol: /^https?$/ }),
	OIDC_CLIENT_ID: z.string().min(1).max(500),
	OIDC_CLIENT_SECRET: z.string().min(1).max(2000),
	OIDC_ALLOWED_GROUPS: list,
	OIDC_ALLOWED_DOMAINS: list
});

export function readOidcConfig(env: Record<string, string | undefined> = process.env): OidcConfig | null {
	const names = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
	const set = names.filter((name) => (env[name] ?? '') !== '');
	if (set.length === 0) return null;
	if (set.length < names.length)
		throw new Error(`OpenID Connect needs all of ${names.join(', ')}; missing ${names.filter((n) => !set.includes(n)).join(', ')}`);
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) throw new Error(`OpenID Connect settings are invalid: ${z.prettifyError(parsed.error)}`);
	const e = parsed.data;
	if (e.OIDC_ALLOWED_GROUPS.length === 0 && e.OIDC_ALLOWED_DOMAINS.length === 0) {
		throw new Error(
			'OpenID Connect needs OIDC_ALLOWED_GROUPS or OIDC_ALLOWED_DOMAINS, so not everyone the identity provider knows becomes an organiser'
		);
	}
	return {
		issuer: new URL(e.OIDC_ISSUER),
		clientId: e.OIDC_CLIENT_ID,
		clientSecret: e.OIDC_CLIENT_SECRET,
		allowedGroups: e.OIDC_ALLOWED_GROUPS,
		allowedDomains: e.OIDC_ALLOWED_DOMAINS.map((domain) => domain.toLowerCase())
	};
}

let cached: OidcConfig | null | undefined;

/** The process's OpenID Connect settings, read once. */
export function oidcConfig(): OidcConfig | null {
	if (cached === undefined) cached = readOidcConfig();
	return cached;
}
