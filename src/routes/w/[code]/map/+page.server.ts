import { error } from '@sveltejs/kit';
import { mapDocFromQuery, starterThemes } from '$lib/server/maps';
import type { PageServerLoad } from './$types';

/** The plenary map by default; `?doc=map:<id>` opens another map of the workshop (a group's). */
export const load: PageServerLoad = async ({ url }) => {
	const docName = mapDocFromQuery(url.searchParams.get('doc'));
	if (!docName) error(404, { message: 'Not found' });
	return { docName, starterThemes: starterThemes() };
};
