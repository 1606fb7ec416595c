import { fail, redirect } from '@sveltejs/kit';
import { isJoinCode, normaliseJoinCode } from '$lib/domain/workshop/join-code';
import { getApp } from '$lib/server/app';
import { DEMO_WORKSHOP_ID } from '$lib/server/demo';
import { setFacilitatorCookie } from '$lib/server/http/facilitator-auth';
import { createWorkshopSchema } from '$lib/server/http/schemas';
import { log } from '$lib/server/log';
import { TooManyLookupsError, findWorkshopGuarded } from '$lib/server/lookup-guard';
import { TITLE_MAX, createWorkshop } from '$lib/server/workshops';
import { clientAddress } from '$lib/server/http/client-address';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const app = await getApp();
	const demo = await app.storage.workshops.findById(DEMO_WORKSHOP_ID);
	return { demoCode: demo?.code ?? null };
};

export const actions: Actions = {
	create: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const title = String(form.get('title') ?? '');
		const parsed = createWorkshopSchema.safeParse({ title });
		if (!parsed.success) {
			// Too long or blank reads as "write a name of at most 120 characters"; anything else is about the characters.
			const characters = title.trim() !== '' && title.length <= TITLE_MAX;
			return fail(400, { create: { title, error: characters ? 'home.create.invalidCharacters' : 'home.create.invalidTitle' } });
		}
		const app = await getApp();
		const { workshop, facilitatorSecret } = await createWorkshop(app.storage, parsed.data.title);
		log.info('workshop.created', { workshopId: workshop.id, via: 'form' });
		setFacilitatorCookie(cookies, workshop.id, facilitatorSecret, url.protocol === 'https:');
		// `?ny=1`: the facilitator page shows the facilitator link once, to be saved.
		redirect(303, `/f/${workshop.id}?ny=1`);
	},
	join: async (event) => {
		const { request } = event;
		const form = await request.formData();
		const code = normaliseJoinCode(String(form.get('code') ?? ''));
		if (!isJoinCode(code)) return fail(400, { join: { code, error: 'home.join.invalidCode' } });
		const app = await getApp();
		try {
			if (!(await findWorkshopGuarded(app.storage, code, clientAddress(event)))) {
				return fail(404, { join: { code, error: 'home.join.unknownCode' } });
			}
		} catch (error) {
			if (error instanceof TooManyLookupsError) return fail(429, { join: { code, error: 'join.rateLimited' } });
			throw error;
		}
		redirect(303, `/j/${code}`);
	}
};
