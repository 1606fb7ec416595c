import type { Cookies } from '@sveltejs/kit';
import { KeyedRateLimiter } from '../rate-limit';
import { hashSecret, secretMatches } from '../secrets';
import type { ArchiveConfig } from './config';

export const ORGANISER_COOKIE = 'dd_org';

/**
 * Wrong organiser passphrases, per client address, for every way of signing in (a
 * Bearer on any endpoint, the /arkiv form): ten in a burst, then one per 90 s, so at
 * most ~20 in 15 minutes. Other addresses are never slowed.
 */
const failedLogins = new KeyedRateLimiter(10, 1 / 90);

/** Counts a passphrase that nothing accepted (neither as organiser nor as a facilitator secret). */
export function noteWrongOrganiserAttempt(clientAddress: string): void {
	failedLogins.take(clientAddress);
}

/**
 * The cookie holds a hash of the passphrase, not the passphrase: a stolen cookie
 * does not reveal it, and changing ORGANISER_PASSPHRASE signs every organiser out.
 */
function cookieValue(passphrase: string): string {
	return hashSecret(`datadialog organiser\n${passphrase}`);
}

/**
 * How a request presents organiser credentials: a valid organiser cookie is always
 * accepted (it cannot be guessed); a Bearer is checked only while the address has not
 * sent too many wrong ones, and a wrong Bearer is 'wrong' but not yet counted, because
 * it may still be a facilitator secret the caller accepts.
 */
export type OrganiserCheck = 'organiser' | 'absent' | 'wrong' | 'rate_limited';

export function checkOrganiser(options: {
	request: Request;
	cookies: Cookies;
	config: ArchiveConfig;
	clientAddress: string;
}): OrganiserCheck {
	const passphrase = options.config.organiserPassphrase;
	if (!passphrase) return 'absent';
	const cookie = options.cookies.get(ORGANISER_COOKIE);
	if (cookie !== undefined && secretMatches(cookie, hashSecret(cookieValue(passphrase)))) return 'organiser';
	const bearer = options.request.headers.get('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
	if (bearer === undefined) return 'absent';
	if (!failedLogins.canTake(options.clientAddress)) return 'rate_limited';
	return secretMatches(bearer, hashSecret(passphrase)) ? 'organiser' : 'wrong';
}

export const ORGANISER_RATE_LIMITED = 'too many wrong organiser passphrases from this address; try again in a few minutes';

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
