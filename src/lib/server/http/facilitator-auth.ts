import type { Cookies } from '@sveltejs/kit';
import { facilitatorCookie } from '$lib/sync/protocol';
import type { WorkshopRow } from '../persistence/workshops';
import { secretMatches } from '../secrets';

/**
 * True when the request carries this workshop's facilitator secret, as
 * `Authorization: Bearer <secret>` (integrations) or the httpOnly cookie (browsers).
 */
export function isFacilitatorRequest(options: { request: Request; cookies: Cookies; workshop: WorkshopRow }): boolean {
	const { request, cookies, workshop } = options;
	const header = request.headers.get('authorization');
	const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
	const secret = bearer ?? cookies.get(facilitatorCookie(workshop.id));
	return typeof secret === 'string' && secretMatches(secret, workshop.secretHash);
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
