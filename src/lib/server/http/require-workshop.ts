import type { Cookies } from '@sveltejs/kit';
import type { Actor } from '$lib/domain/workshop/access';
import { facilitatorCookie, participantCookie } from '$lib/sync/protocol';
import { getApp, type App } from '../app';
import { findWorkshopForApi } from '../lookup-guard';
import type { WorkshopRow } from '../persistence/storage';
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
 * count against the guessing limit), refuses changes while it is closed, and checks
 * who is calling. `need`: `facilitator` (Bearer secret or cookie) or `member` (the
 * facilitator or one of its participants). Otherwise the answer to send: 404 unknown
 * workshop, 409 a change to a closed one, 401 no valid credentials, 403 a participant
 * or wrong secret where the facilitator is needed.
 */
export async function requireWorkshop(
	event: CallEvent,
	options: { need: 'facilitator' | 'member'; app?: App }
): Promise<WorkshopCall | Response> {
	const app = options.app ?? (await getApp());
	const { request, cookies } = event;
	const workshop = await findWorkshopForApi(app.storage, event.params.ref, clientAddress(event));
	if (workshop instanceof Response) return workshop;
	if (request.method !== 'GET' && workshop.status === 'closed') {
		return problem(409, 'conflict', 'the workshop is closed; reopen it to make changes');
	}
	if (isFacilitatorRequest({ request, cookies, workshop })) {
		return { app, workshop, actor: { role: 'facilitator', workshopId: workshop.id } };
	}
	const presentedFacilitator = request.headers.has('authorization') || cookies.get(facilitatorCookie(workshop.id)) !== undefined;
	if (options.need === 'facilitator') {
		return presentedFacilitator
			? problem(403, 'forbidden', "these credentials are not this workshop's facilitator secret")
			: problem(401, 'unauthorized', 'facilitator credentials required (Authorization: Bearer <facilitatorSecret>)');
	}
	const session = cookies.get(participantCookie(workshop.id));
	const participant = session ? await findParticipantBySession(app.storage, workshop.id, session) : null;
	if (!participant) return problem(401, 'unauthorized', 'sign in as the facilitator or join the workshop first');
	return { app, workshop, actor: { role: 'participant', workshopId: workshop.id, participantId: participant.id } };
}
