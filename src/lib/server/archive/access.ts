import type { Cookies } from '@sveltejs/kit';
import { facilitatorCookie } from '$lib/sync/protocol';
import { getApp, type App } from '../app';
import { clientAddress } from '../http/client-address';
import type { CallEvent } from '../http/require-workshop';
import { isFacilitatorRequest } from '../http/facilitator-auth';
import { problem } from '../http/problem';
import { findWorkshopForApi } from '../lookup-guard';
import type { AuditEntry } from '../persistence/audit';
import type { WorkshopRow } from '../persistence/workshops';
import { hashSecret, secretMatches } from '../secrets';
import { readArchiveConfig, type ArchiveConfig } from './config';
import { ORGANISER_COOKIE, ORGANISER_RATE_LIMITED, checkOrganiser, noteWrongOrganiserAttempt } from './organiser-auth';
import { startRetentionSweep } from './retention';

let config: ArchiveConfig | null = null;

/** Read once, on first use; a bad value fails that request loudly rather than being ignored. */
export function archiveConfig(): ArchiveConfig {
	config ??= readArchiveConfig();
	return config;
}

/**
 * The running app. The first archive request after a start also starts the
 * retention sweep when RETENTION_DAYS is set; starting it is idempotent, so the
 * app may start it at boot as well.
 */
export async function archiveApp(): Promise<App> {
	const app = await getApp();
	startRetentionSweep(app, archiveConfig().retentionDays);
	return app;
}

export interface ArchiveCaller {
	app: App;
	workshop: WorkshopRow;
	actor: Exclude<AuditEntry['actor'], 'system'>;
}

/**
 * The workshop and who is calling, for the facilitator-or-organiser endpoints:
 * the workshop's facilitator (Bearer secret or cookie) or an organiser (Bearer
 * passphrase or organiser cookie). Otherwise the answer to send: 404 for an
 * unknown workshop, 401 without credentials, 403 with the wrong ones.
 */
export async function archiveCall(event: CallEvent): Promise<ArchiveCaller | Response> {
	const app = await archiveApp();
	const address = clientAddress(event);
	const workshop = await findWorkshopForApi(app.storage, event.params.ref, address);
	if (workshop instanceof Response) return workshop;
	if (isFacilitatorRequest({ request: event.request, cookies: event.cookies, workshop })) {
		return { app, workshop, actor: 'facilitator' };
	}
	const organiser = checkOrganiser({ request: event.request, cookies: event.cookies, config: archiveConfig(), clientAddress: address });
	if (organiser === 'organiser') return { app, workshop, actor: 'organiser' };
	if (organiser === 'rate_limited') return problem(429, 'rate_limited', ORGANISER_RATE_LIMITED);
	if (organiser === 'wrong') noteWrongOrganiserAttempt(address);
	const presented =
		event.request.headers.has('authorization') ||
		event.cookies.get(facilitatorCookie(workshop.id)) !== undefined ||
		event.cookies.get(ORGANISER_COOKIE) !== undefined;
	return presented
		? problem(403, 'forbidden', "these credentials are neither this workshop's facilitator secret nor the organiser passphrase")
		: problem(401, 'unauthorized', 'facilitator or organiser credentials required (Authorization: Bearer <secret or passphrase>)');
}

/**
 * Who may import a workshop: an organiser, or a facilitator of any workshop on
 * this server (a facilitator cookie, or that workshop's secret as Bearer), the
 * same people who could build the workshop by hand.
 */
export async function importCall(
	event: Omit<CallEvent, 'params'>
): Promise<{ app: App; actor: Exclude<AuditEntry['actor'], 'system'> } | Response> {
	const app = await archiveApp();
	const address = clientAddress(event);
	const organiser = checkOrganiser({ request: event.request, cookies: event.cookies, config: archiveConfig(), clientAddress: address });
	if (organiser === 'organiser') return { app, actor: 'organiser' };
	const workshops = await facilitatedWorkshops(app, event);
	if (workshops.length > 0) return { app, actor: 'facilitator' };
	if (organiser === 'rate_limited') return problem(429, 'rate_limited', ORGANISER_RATE_LIMITED);
	if (organiser === 'wrong') noteWrongOrganiserAttempt(address);
	return event.request.headers.has('authorization')
		? problem(403, 'forbidden', 'these credentials are neither a facilitator secret nor the organiser passphrase')
		: problem(401, 'unauthorized', 'facilitator or organiser credentials required (Authorization: Bearer <secret or passphrase>)');
}

/** The workshops whose facilitator secret the request carries, as cookies or as a Bearer secret. */
export async function facilitatedWorkshops(app: App, event: { request: Request; cookies: Cookies }): Promise<WorkshopRow[]> {
	const bearer = event.request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
	const bearerHash = bearer ? hashSecret(bearer) : null;
	const cookieIds = new Set(
		event.cookies.getAll().flatMap(({ name }) => (name.startsWith(facilitatorCookie('')) ? [name.slice(facilitatorCookie('').length)] : []))
	);
	if (!bearerHash && cookieIds.size === 0) return [];
	const workshops = await app.storage.workshops.list();
	return workshops.filter((workshop) => {
		if (workshop.secretHash === bearerHash) return true;
		const cookie = cookieIds.has(workshop.id) ? event.cookies.get(facilitatorCookie(workshop.id)) : undefined;
		return cookie !== undefined && secretMatches(cookie, workshop.secretHash);
	});
}
