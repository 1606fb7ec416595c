import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { listMaps, mapDocFromQuery, starterThemes } from '$lib/server/maps';
import type { PageServerLoad } from './$types';

/** The facilitator's map page: every map of the workshop, the one asked for by `?doc=` open (the plenary map by default). */
export const load: PageServerLoad = async ({ url, parent }) => {
	const { workshop } = await parent();
	const docName = mapDocFromQuery(url.searchParams.get('doc'));
	if (!docName) error(404, { message: 'Not found' });
	const app = await getApp();
	return { docName, maps: await listMaps(app, workshop.id), starterThemes: starterThemes() };
};
