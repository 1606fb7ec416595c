import type { Cookies } from '@sveltejs/kit';
import type { Storage } from '../persistence/storage';
import { hashSecret, newSecret } from '../secrets';

export const SESSION_COOKIE = 'dd_org_session';

/** As long as the passphrase sign-in: a working day. */
const SESSION_SECONDS = 60 * 60 * 8;

/**
 * Starts a server-side session for an organiser signed in through OpenID Connect. The
 * cookie is `lax`, not `strict` like the passphrase cookie: the browser arrives from the
 * identity provider's site, and a strict cookie would be left off the redirect to /arkiv.
 */
export async function startOrganiserSession(options: {
	storage: Storage;
	cookies: Cookies;
	organiser: string;
	email: string | null;
	now: Date;
	secure: boolean;
}): Promise<void> {
	const id = newSecret();
	await options.storage.organiserSessions.insert({
		idHash: hashSecret(id),
		organiser: options.organiser,
		email: options.email,
		createdAt: options.now.toISOString(),
		expiresAt: new Date(options.now.getTime() + SESSION_SECONDS * 1000).toISOString()
	});
	options.cookies.set(SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secure, maxAge: SESSION_SECONDS });
}

/** The organiser identity of the request's live session, if any. */
export async function sessionOrganiser(storage: Storage, cookies: Cookies, now: Date): Promise<string | null> {
	const id = cookies.get(SESSION_COOKIE);
	if (id === undefined || id.length > 200) return null;
	return (await storage.organiserSessions.findLive(hashSecret(id), now))?.organiser ?? null;
}

/** Ends the session on the server (a copied cookie stops working too) and in the browser. */
export async function endOrganiserSession(storage: Storage, cookies: Cookies): Promise<void> {
	const id = cookies.get(SESSION_COOKIE);
	if (id !== undefined && id.length <= 200) await storage.organiserSessions.remove(hashSecret(id));
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
