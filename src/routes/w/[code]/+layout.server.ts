import { error, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { clientAddress } from '$lib/server/http/client-address';
import { TooManyLookupsError, findWorkshopGuarded } from '$lib/server/lookup-guard';
import { findParticipantBySession } from '$lib/server/workshops';
import { participantCookie } from '$lib/sync/protocol';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { params, cookies } = event;
	const app = await getApp();
	// Guarded like /j/:code: otherwise 303-or-404 here would tell a guesser which codes exist.
	const workshop = await findWorkshopGuarded(app.storage, params.code, clientAddress(event)).catch((caught) => {
		if (caught instanceof TooManyLookupsError) error(429, { message: 'Too many attempts' });
		throw caught;
	});
	if (!workshop) error(404, { message: 'Not found' });
	const session = cookies.get(participantCookie(workshop.id));
	const participant = session ? await findParticipantBySession(app.storage, workshop.id, session) : null;
	if (!participant) redirect(303, `/j/${workshop.code}`);
	return {
		workshop: { id: workshop.id, code: workshop.code, title: workshop.title, status: workshop.status },
		me: { id: participant.id, displayName: participant.displayName, sector: participant.sector }
	};
};
