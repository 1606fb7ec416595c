import { error, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { findParticipantBySession, findWorkshop } from '$lib/server/workshops';
import { participantCookie } from '$lib/sync/protocol';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, cookies }) => {
	const app = await getApp();
	const workshop = await findWorkshop(app.storage, params.code);
	if (!workshop) error(404, { message: 'Not found' });
	const session = cookies.get(participantCookie(workshop.id));
	const participant = session ? await findParticipantBySession(app.storage, workshop.id, session) : null;
	if (!participant) redirect(303, `/j/${workshop.code}`);
	return {
		workshop: { id: workshop.id, code: workshop.code, title: workshop.title },
		me: { id: participant.id, displayName: participant.displayName, sector: participant.sector }
	};
};
