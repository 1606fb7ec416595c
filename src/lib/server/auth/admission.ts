import type { OidcConfig } from './oidc-config';

/** The id token's claims that decide who may sign in as an organiser. */
export interface IdentityClaims {
	sub: string;
	email?: unknown;
	email_verified?: unknown;
	groups?: unknown;
}

export type Admission = { admitted: true; organiser: string; email: string | null } | { admitted: false; reason: string };

/**
 * Whether a signed-in identity may be an organiser: in one of the allowed groups (the
 * `groups` claim), or with a verified e-mail address in one of the allowed domains. An
 * e-mail the provider says is unverified does not count: anyone could type it.
 */
export function admit(claims: IdentityClaims, config: Pick<OidcConfig, 'allowedGroups' | 'allowedDomains'>): Admission {
	const organiser = `oidc:${claims.sub}`;
	const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
	const groups = Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === 'string') : [];
	if (groups.some((group) => config.allowedGroups.includes(group))) return { admitted: true, organiser, email };
	const domain = email?.split('@').at(-1);
	if (email && claims.email_verified !== false && domain && config.allowedDomains.includes(domain)) {
		return { admitted: true, organiser, email };
	}
	return {
		admitted: false,
		reason: `subject ${claims.sub} is in none of the allowed groups and has no verified e-mail in an allowed domain`
	};
}
