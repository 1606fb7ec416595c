import { redirect } from '@sveltejs/kit';
import { archiveApp } from '$lib/server/archive/access';
import { logOutOrganiser } from '$lib/server/archive/organiser-auth';
import { endOrganiserSession } from '$lib/server/auth/organiser-session';
import type { RequestHandler } from './$types';

/** POST /auth/logout → 303 to /arkiv: ends the organiser session on the server and both organiser cookies. */
export const POST: RequestHandler = async ({ cookies }) => {
	await endOrganiserSession((await archiveApp()).storage, cookies);
	logOutOrganiser(cookies);
	redirect(303, '/arkiv');
};
