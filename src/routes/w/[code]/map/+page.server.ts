import { error } from '@sveltejs/kit';
import { mapDocFromQuery, starterThemes } from '$lib/server/maps';
import type { PageServerLoad } from './$types';

/**
 * `?doc=map:<id>` opens a given map of the workshop; without it the page opens the
 * participant's group map while groups work apart, else the plenary map.
 */
export const load: PageServerLoad = async ({ url }) => {
	const docName = mapDocFromQuery(url.searchParams.get('doc'));
	if (!docName) error(404, { message: 'Not found' });
	return { docName, explicitDoc: url.searchParams.has('doc'), starterThemes: starterThemes() };
};
