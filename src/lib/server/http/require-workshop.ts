import type { Cookies } from '@sveltejs/kit';
import type { Actor } from '$lib/domain/workshop/access';
import { facilitatorCookie, participantCookie } from '$lib/sync/protocol';
import { getApp, type App } from '../app';
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

export interface WorkshopCall {
	app: App;
	workshop: WorkshopRow;
	actor: Actor;
}

/**
 * The one guard of the workshop routes: finds the workshop by id or join code (misses
 * count against the guessing limit), checks who is calling, and refuses changes while
 * the workshop is closed. `need`: `facilitator` (Bearer secret or cookie) or `member`
 * (the facilitator or one of its participants). Otherwise the answer to send: 404
 * unknown workshop, 401 no valid credentials, 403 facilitator credentials that are not
 * this workshop's, 409 a change to a closed workshop.
 */
export async function requireWorkshop(
	event: CallEvent,
	options: { need: 'facilitator' | 'member'; app?: App }
): Promise<WorkshopCall | Response> {
	const app = options.app ?? (await getApp());
	const { request } = event;
	const workshop = await findWorkshopForApi(app.storage, event.params.ref, clientAddress(event));
	if (workshop instanceof Response) return workshop;
	const call = await whoCalls(app, event, workshop, options.need);
	if (call instanceof Response) return call;
	if (request.method !== 'GET' && workshop.status === 'closed') {
		return problem(409, 'conflict', 'the workshop is closed; reopen it to make changes');
	}
	return call;
}

async function whoCalls(
	app: App,
	event: CallEvent,
	workshop: WorkshopRow,
	need: 'facilitator' | 'member'
): Promise<WorkshopCall | Response> {
	const { request, cookies } = event;
	if (isFacilitatorRequest({ request, cookies, workshop })) {
		return { app, workshop, actor: { role: 'facilitator', workshopId: workshop.id } };
	}
	if (need === 'facilitator') {
		const presented = request.headers.has('authorization') || cookies.get(facilitatorCookie(workshop.id)) !== undefined;
		return presented
			? problem(403, 'forbidden', "these credentials are not this workshop's facilitator secret")
			: problem(401, 'unauthorized', 'facilitator credentials required (Authorization: Bearer <facilitatorSecret>)');
	}
	const session = cookies.get(participantCookie(workshop.id));
	const participant = session ? await findParticipantBySession(app.storage, workshop.id, session) : null;
	if (!participant) return problem(401, 'unauthorized', 'sign in as the facilitator or join the workshop first');
	return { app, workshop, actor: { role: 'participant', workshopId: workshop.id, participantId: participant.id } };
}
