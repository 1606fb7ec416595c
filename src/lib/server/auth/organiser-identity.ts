import type { Cookies } from '@sveltejs/kit';
import { checkOrganiser, type OrganiserCheck } from '../archive/organiser-auth';
import type { ArchiveConfig } from '../archive/config';
import type { Storage } from '../persistence/storage';
import { sessionOrganiser } from './organiser-session';

/** The organiser signed in with the passphrase: everyone who knows it is one identity. */
export const PASSPHRASE_ORGANISER = 'passphrase';

/**
 * Who the organiser is, for every organiser route: an OpenID Connect session names its
 * own identity (`oidc:<sub>`); the passphrase (cookie or Bearer) is the one shared
 * identity. `organiser` is set exactly when `check` is `organiser`.
 */
export async function identifyOrganiser(options: {
	request: Request;
	cookies: Cookies;
	config: ArchiveConfig;
	clientAddress: string;
	storage: Storage;
}): Promise<{ check: OrganiserCheck; organiser: string | null }> {
	const fromSession = await sessionOrganiser(options.storage, options.cookies, new Date());
	if (fromSession !== null) return { check: 'organiser', organiser: fromSession };
	const check = checkOrganiser(options);
	return { check, organiser: check === 'organiser' ? PASSPHRASE_ORGANISER : null };
}
