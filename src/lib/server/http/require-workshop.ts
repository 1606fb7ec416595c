import type { Cookies } from '@sveltejs/kit';
import type { Actor } from '$lib/domain/workshop/access';
import { facilitatorCookie, participantCookie } from '$lib/sync/protocol';
import { getApp, type App } from '../app';
import { archiveApp, archiveConfig } from '../archive/access';
import { ORGANISER_COOKIE, ORGANISER_RATE_LIMITED, noteWrongOrganiserAttempt } from '../archive/organiser-auth';
import { identifyOrganiser } from '../auth/organiser-identity';
import { SESSION_COOKIE } from '../auth/organiser-session';
import { findWorkshopForApi } from '../lookup-guard';
import type { WorkshopRow } from '../persistence/workshops';
import { findParticipantBySession } from '../workshops';
import { clientAddress } from './client-address';
import { isFacilitatorRequest } from './facilitator-auth';
import { problem } from './problem';

/** What a workshop route needs of SvelteKit's request event. */
export interface CallEvent {
	params: { ref: string };
	request: Request;
	cookies: Cookies;
	getClientAddress: () => string;
}

/**
 * Who may call a workshop route:
 * - `anyone`: no credentials; only the look-up (public information, joining);
 * - `member`: the facilitator or one of the workshop's participants (401 otherwise);
 * - `facilitator`: the workshop's facilitator, by Bearer secret or cookie (401 without
 *   credentials, 403 with someone else's);
 * - `facilitator-or-organiser`: the facilitator, or an organiser by Bearer passphrase or
 *   organiser cookie (401 without credentials, 403 with wrong ones, 429 after too many
 *   wrong passphrases from the address). The archive routes; their app has the retention
 *   sweep started.
 */
export type Need = 'anyone' | 'member' | 'facilitator' | 'facilitator-or-organiser';

type FacilitatorActor = Extract<Actor, { role: 'facilitator' }>;

/** Who is calling, per need. */
export interface CallerOf {
	anyone: null;
	member: Actor;
	facilitator: FacilitatorActor;
	'facilitator-or-organiser': FacilitatorActor | { role: 'organiser' };
}

export interface WorkshopCall<N extends Need = Need> {
	app: App;
	workshop: WorkshopRow;
	actor: CallerOf[N];
}

export interface RequireOptions<N extends Need> {
	need: N;
	/**
	 * With `member`: the member must also have this role, else 403. The map routes ask so:
	 * anyone outside the workshop gets 401 (as any member route), a participant 403.
	 */
	role?: 'facilitator';
	/**
	 * A change (anything but GET) to a closed workshop: `refuse` answers 409 (the default);
	 * `allow` leaves it to the route, for those that work on closed workshops (close, reopen,
	 * delete, follow-up) or say it in their own words (joining, follow-up steps).
	 */
	whenClosed?: 'refuse' | 'allow';
	/** The running app, when the caller has it already. */
	app?: App;
}

/**
 * The one guard of the workshop routes (`/api/workshops/:ref/…`): finds the workshop by
 * id or join code (misses count against the guessing limit), checks who is calling, and
 * refuses changes while the workshop is closed. Otherwise the answer to send: 429 while
 * the address is throttled for guessing, 404 unknown workshop, then as `need` says, then
 * 409 a change to a closed workshop.
 */
export async function requireWorkshop<N extends Need>(event: CallEvent, options: RequireOptions<N>): Promise<WorkshopCall<N> | Response> {
	const app = options.app ?? (options.need === 'facilitator-or-organiser' ? await archiveApp() : await getApp());
	const workshop = await findWorkshopForApi(app.storage, event.params.ref, clientAddress(event));
	if (workshop instanceof Response) return workshop;
	const actor = await whoCalls(app, event, workshop, options);
	if (actor instanceof Response) return actor;
	if (event.request.method !== 'GET' && workshop.status === 'closed' && (options.whenClosed ?? 'refuse') === 'refuse') {
		return problem(409, 'conflict', 'the workshop is closed; reopen it to make changes');
	}
	return { app, workshop, actor: actor as CallerOf[N] };
}

async function whoCalls(
	app: App,
	event: CallEvent,
	workshop: WorkshopRow,
	options: RequireOptions<Need>
): Promise<CallerOf[Need] | Response> {
	const { request, cookies } = event;
	if (options.need === 'anyone') return null;
	if (await isFacilitatorRequest({ storage: app.storage, request, cookies, workshop }))
		return { role: 'facilitator', workshopId: workshop.id };
	switch (options.need) {
		case 'facilitator': {
			const presented = request.headers.has('authorization') || cookies.get(facilitatorCookie(workshop.id)) !== undefined;
			return presented
				? problem(403, 'forbidden', "these credentials are not this workshop's facilitator secret")
				: problem(401, 'unauthorized', 'facilitator credentials required (Authorization: Bearer <facilitatorSecret>)');
		}
		case 'facilitator-or-organiser':
			return organiser(app, event, workshop);
		case 'member': {
			const session = cookies.get(participantCookie(workshop.id));
			const participant = session ? await findParticipantBySession(app.storage, workshop.id, session) : null;
			if (!participant) return problem(401, 'unauthorized', 'sign in as the facilitator or join the workshop first');
			if (options.role === 'facilitator') return problem(403, 'forbidden', 'only the facilitator may do this');
			return { role: 'participant', workshopId: workshop.id, participantId: participant.id };
		}
	}
}

/** An organiser, or the answer for a caller who is neither the facilitator nor one. */
async function organiser(app: App, event: CallEvent, workshop: WorkshopRow): Promise<{ role: 'organiser' } | Response> {
	const { request, cookies } = event;
	const address = clientAddress(event);
	const { check } = await identifyOrganiser({ request, cookies, config: archiveConfig(), clientAddress: address, storage: app.storage });
	if (check === 'organiser') return { role: 'organiser' };
	if (check === 'rate_limited') return problem(429, 'rate_limited', ORGANISER_RATE_LIMITED);
	if (check === 'wrong') noteWrongOrganiserAttempt(address);
	const presented =
		request.headers.has('authorization') ||
		cookies.get(facilitatorCookie(workshop.id)) !== undefined ||
		cookies.get(ORGANISER_COOKIE) !== undefined ||
		cookies.get(SESSION_COOKIE) !== undefined;
	return presented
		? problem(403, 'forbidden', "these credentials are neither this workshop's facilitator secret nor the organiser passphrase")
		: problem(401, 'unauthorized', 'facilitator or organiser credentials required (Authorization: Bearer <secret or passphrase>)');
}

/** What an organiser-only route needs of SvelteKit's request event: no workshop in the path. */
export type OrganiserEvent = Omit<CallEvent, 'params'>;

/**
 * The guard of the organiser-only routes (the programme across workshops,
 * `/api/programme/…`): an organiser by Bearer passphrase, organiser cookie or OpenID
 * Connect session, with the organiser identity (feed tokens are per identity). 401
 * without organiser credentials, 403 with wrong ones (a wrong Bearer counts against
 * the address like every wrong passphrase), 429 after too many from the address.
 * A facilitator secret is not enough: the programme spans every workshop.
 */
export async function requireOrganiser(event: OrganiserEvent): Promise<{ app: App; organiser: string } | Response> {
	const app = await archiveApp();
	const { request, cookies } = event;
	const address = clientAddress(event);
	const { check, organiser } = await identifyOrganiser({
		request,
		cookies,
		config: archiveConfig(),
		clientAddress: address,
		storage: app.storage
	});
	if (organiser !== null) return { app, organiser };
	if (check === 'rate_limited') return problem(429, 'rate_limited', ORGANISER_RATE_LIMITED);
	if (check === 'wrong') noteWrongOrganiserAttempt(address);
	const presented =
		request.headers.has('authorization') || cookies.get(ORGANISER_COOKIE) !== undefined || cookies.get(SESSION_COOKIE) !== undefined;
	return presented
		? problem(403, 'forbidden', 'these credentials are neither the organiser passphrase nor a live organiser session')
		: problem(401, 'unauthorized', 'organiser credentials required (Authorization: Bearer <passphrase>, or sign in at /arkiv)');
}
