import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { SECTORS } from '$lib/domain/workshop/sectors';
import { getApp } from '$lib/server/app';
import { KeyedRateLimiter } from '$lib/server/rate-limit';
import { log } from '$lib/server/log';
import { DISPLAY_NAME_MAX, findParticipantBySession, findWorkshop, joinWorkshop } from '$lib/server/workshops';
import { participantCookie } from '$lib/sync/protocol';
import type { Actions, PageServerLoad } from './$types';

const joinSchema = z.object({
	displayName: z.string().trim().max(DISPLAY_NAME_MAX),
	sector: z.enum(SECTORS)
});

// Joining is cheap for people and guessing codes should not be: 20 joins per minute per address.
const joinLimiter = new KeyedRateLimiter(20, 20 / 60);

export const load: PageServerLoad = async ({ params, cookies }) => {
	const app = await getApp();
	const workshop = await findWorkshop(app.storage, params.code);
	if (!workshop) error(404, { message: 'Not found' });
	const session = cookies.get(participantCookie(workshop.id));
	if (session && (await findParticipantBySession(app.storage, workshop.id, session))) {
		redirect(303, `/w/${workshop.code}`);
	}
	return { workshop: { code: workshop.code, title: workshop.title } };
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url, getClientAddress }) => {
		if (!joinLimiter.take(getClientAddress())) return fail(429, { error: 'join.rateLimited', displayName: '' });
		const app = await getApp();
		const workshop = await findWorkshop(app.storage, params.code);
		if (!workshop) error(404, { message: 'Not found' });
		const form = await request.formData();
		const parsed = joinSchema.safeParse({
			displayName: String(form.get('displayName') ?? ''),
			sector: String(form.get('sector') ?? '')
		});
		if (!parsed.success) {
			return fail(400, { error: 'join.invalid', displayName: String(form.get('displayName') ?? '') });
		}
		const { participant, session } = await joinWorkshop(app.storage, {
			workshopId: workshop.id,
			displayName: parsed.data.displayName,
			sector: parsed.data.sector
		});
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
