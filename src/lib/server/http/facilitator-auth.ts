import type { Cookies } from '@sveltejs/kit';
import { facilitatorCookie } from '$lib/sync/protocol';
import type { Storage } from '../persistence/storage';
import type { WorkshopRow } from '../persistence/workshops';
import { facilitatorSecretOf } from '../workshops';

/**
 * True when the request carries a facilitator secret of this workshop (its own or an
 * active co-facilitator link's), as `Authorization: Bearer <secret>` (integrations)
 * or the httpOnly cookie (browsers).
 */
export async function isFacilitatorRequest(options: {
	storage: Storage;
	request: Request;
	cookies: Cookies;
	workshop: WorkshopRow;
}): Promise<boolean> {
	const { storage, request, cookies, workshop } = options;
	const header = request.headers.get('authorization');
	const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
	const secret = bearer ?? cookies.get(facilitatorCookie(workshop.id));
	return typeof secret === 'string' && (await facilitatorSecretOf(storage, workshop, secret)) !== null;
}

export function setFacilitatorCookie(cookies: Cookies, workshopId: string, secret: string, secure: boolean): void {
	cookies.set(facilitatorCookie(workshopId), secret, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 60 * 60 * 24 * 365
	});
}
