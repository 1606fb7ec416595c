import type { Cookies } from '@sveltejs/kit';
import { facilitatorCookie } from '$lib/sync/protocol';
import { getApp, type App } from '../app';
import { clientAddress } from '../http/client-address';
import type { CallEvent } from '../http/require-workshop';
import { problem } from '../http/problem';
import type { AuditEntry } from '../persistence/audit';
import type { WorkshopRow } from '../persistence/workshops';
import { hashSecret } from '../secrets';
import { facilitatorSecretOf } from '../workshops';
import { readArchiveConfig, type ArchiveConfig } from './config';
import { identifyOrganiser } from '../auth/organiser-identity';
import { ORGANISER_RATE_LIMITED, noteWrongOrganiserAttempt } from './organiser-auth';
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
	const { check: organiser } = await identifyOrganiser({
		request: event.request,
		cookies: event.cookies,
		config: archiveConfig(),
		clientAddress: address,
		storage: app.storage
	});
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
	const facilitated = await Promise.all(
		workshops.map(async (workshop) => {
			if (workshop.secretHash === bearerHash) return true;
			const cookie = cookieIds.has(workshop.id) ? event.cookies.get(facilitatorCookie(workshop.id)) : undefined;
			return cookie !== undefined && (await facilitatorSecretOf(app.storage, workshop, cookie)) !== null;
		})
	);
	return workshops.filter((_, index) => facilitated[index]);
}
