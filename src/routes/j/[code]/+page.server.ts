import { error, fail, redirect } from '@sveltejs/kit';
import { joinSchema } from '$lib/server/http/schemas';
import { getApp } from '$lib/server/app';
import { clientAddress } from '$lib/server/http/client-address';
import { takeJoin } from '$lib/server/join-guard';
import { TooManyLookupsError, findWorkshopGuarded } from '$lib/server/lookup-guard';
import { log } from '$lib/server/log';
import { WorkshopFullError, findParticipantBySession, joinWorkshop } from '$lib/server/workshops';
import { joinForm, sectorProblem } from '$lib/server/join-form';
import { participantCookie } from '$lib/sync/protocol';
import type { Actions, PageServerLoad } from './$types';

async function lookup(code: string, clientAddress: string) {
	const app = await getApp();
	try {
		const workshop = await findWorkshopGuarded(app.storage, code, clientAddress);
		if (!workshop) error(404, { message: 'Not found' });
		return { app, workshop };
	} catch (caught) {
		if (caught instanceof TooManyLookupsError) error(429, { message: 'Too many attempts' });
		throw caught;
	}
}

export const load: PageServerLoad = async (event) => {
	const { params, cookies } = event;
	const { app, workshop } = await lookup(params.code, clientAddress(event));
	const session = cookies.get(participantCookie(workshop.id));
	if (session && (await findParticipantBySession(app.storage, workshop.id, session))) {
		redirect(303, `/w/${workshop.code}`);
	}
	const { sectors, askOrganisation } = await joinForm(app, workshop.id);
	return { workshop: { code: workshop.code, title: workshop.title }, closed: workshop.status === 'closed', sectors, askOrganisation };
};

export const actions: Actions = {
	default: async (event) => {
		const { params, request, cookies, url } = event;
		const address = clientAddress(event);
		const { app, workshop } = await lookup(params.code, address);
		if (workshop.status === 'closed') return fail(409, { error: 'archive.join.closed', displayName: '', organisation: '' });
		const form = await request.formData();
		// What the person typed comes back with any refusal, so nothing has to be typed again.
		const typed = { displayName: String(form.get('displayName') ?? ''), organisation: String(form.get('organisation') ?? '') };
		if (!takeJoin(address, workshop.id)) return fail(429, { error: 'join.rateLimited', ...typed });
		const parsed = joinSchema.safeParse({
			...typed,
			sector: String(form.get('sector') ?? '')
		});
		if (!parsed.success) {
			const field = parsed.error.issues[0]?.path[0];
			const error = field === 'displayName' ? 'join.invalidName' : field === 'organisation' ? 'join.invalidOrganisation' : 'join.invalid';
			return fail(400, { error, ...typed });
		}
		if (sectorProblem(parsed.data.sector, (await joinForm(app, workshop.id)).sectors))
			return fail(400, { error: 'join.invalid', ...typed });
		let joined;
		try {
			joined = await joinWorkshop(app.storage, {
				workshopId: workshop.id,
				displayName: parsed.data.displayName,
				sector: parsed.data.sector,
				organisation: parsed.data.organisation
			});
		} catch (caught) {
			if (caught instanceof WorkshopFullError) return fail(409, { error: 'join.full', ...typed });
			throw caught;
		}
		const { participant, session } = joined;
		cookies.set(participantCookie(workshop.id), session, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 60 * 60 * 24 * 30
		});
		log.info('participant.joined', { workshopId: workshop.id, participantId: participant.id, sector: participant.sector });
		redirect(303, `/w/${workshop.code}`);
	}
};
