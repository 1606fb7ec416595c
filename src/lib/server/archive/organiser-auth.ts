import type { Cookies } from '@sveltejs/kit';
import { KeyedRateLimiter } from '../rate-limit';
import { hashSecret, secretMatches } from '../secrets';
import type { ArchiveConfig } from './config';

export const ORGANISER_COOKIE = 'dd_org';

/** Ten wrong passphrases a minute per address; a person retyping never meets it. */
const failedLogins = new KeyedRateLimiter(10, 10 / 60);

/**
 * The cookie holds a hash of the passphrase, not the passphrase: a stolen cookie
 * does not reveal it, and changing ORGANISER_PASSPHRASE signs every organiser out.
 */
function cookieValue(passphrase: string): string {
	return hashSecret(`datadialog organiser\n${passphrase}`);
}

/** True when the request carries the organiser passphrase (Bearer) or a valid organiser cookie. */
export function isOrganiserRequest(options: { request: Request; cookies: Cookies; config: ArchiveConfig }): boolean {
	const passphrase = options.config.organiserPassphrase;
	if (!passphrase) return false;
	const bearer = options.request.headers.get('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
	if (bearer !== undefined && secretMatches(bearer, hashSecret(passphrase))) return true;
	const cookie = options.cookies.get(ORGANISER_COOKIE);
	return cookie !== undefined && secretMatches(cookie, hashSecret(cookieValue(passphrase)));
}

export type LoginOutcome = 'ok' | 'wrong' | 'rate_limited' | 'not_configured';

/** Checks a passphrase typed on the archive page and, when right, signs the browser in. */
export function logInOrganiser(options: {
	passphrase: string;
	config: ArchiveConfig;
	cookies: Cookies;
	clientAddress: string;
	secure: boolean;
}): LoginOutcome {
	const expected = options.config.organiserPassphrase;
	if (!expected) return 'not_configured';
	if (!failedLogins.canTake(options.clientAddress)) return 'rate_limited';
	if (!secretMatches(options.passphrase, hashSecret(expected))) {
		failedLogins.take(options.clientAddress);
		return 'wrong';
	}
	options.cookies.set(ORGANISER_COOKIE, cookieValue(expected), {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure: options.secure,
		maxAge: 60 * 60 * 8
	});
	return 'ok';
}

export function logOutOrganiser(cookies: Cookies): void {
	cookies.delete(ORGANISER_COOKIE, { path: '/' });
}
