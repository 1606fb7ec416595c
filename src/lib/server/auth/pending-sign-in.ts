import type { Cookies } from '@sveltejs/kit';
import { pendingSignInSchema, type PendingSignIn } from './oidc-client';

const PENDING_COOKIE = 'dd_oidc_pending';

/**
 * The state, nonce and PKCE verifier between the redirect to the identity provider and
 * the callback, in an httpOnly cookie for ten minutes. `lax`: the callback arrives as a
 * top-level navigation from the provider's site.
 */
export function keepPendingSignIn(cookies: Cookies, pending: PendingSignIn, secure: boolean): void {
	cookies.set(PENDING_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
		path: '/auth',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 600
	});
}

/** The pending sign-in, used once: the cookie is removed whatever it held. Null when missing or malformed. */
export function takePendingSignIn(cookies: Cookies): PendingSignIn | null {
	const raw = cookies.get(PENDING_COOKIE);
	cookies.delete(PENDING_COOKIE, { path: '/auth' });
	if (raw === undefined || raw.length > 2000) return null;
	try {
		const parsed = pendingSignInSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}
