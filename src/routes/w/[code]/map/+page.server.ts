import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { listMaps, mapDocFromQuery, starterThemes } from '$lib/server/maps';
import type { PageServerLoad } from './$types';

/**
 * `?doc=map:<id>` opens a given map of the workshop; without it the page opens the
 * participant's group map while groups work apart, else the plenary map. Every map of
 * the workshop is listed, so an imported one can be found from a phone.
 */
export const load: PageServerLoad = async ({ url, parent }) => {
	const { workshop } = await parent();
	const docName = mapDocFromQuery(url.searchParams.get('doc'));
	if (!docName) error(404, { message: 'Not found' });
	const maps = await listMaps(await getApp(), workshop.id);
	return { docName, explicitDoc: url.searchParams.has('doc'), maps, starterThemes: starterThemes() };
};
