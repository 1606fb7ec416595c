import { programmeQuery, type ProgrammeQuery } from '$lib/api/programme';
import type { ProgrammeFilter } from '$lib/domain/programme/programme';
import type { Lang } from '$lib/i18n/lang';
import type { App } from '../app';
import { requestLang } from '../archive/http';
import { problem } from '../http/problem';
import { requireOrganiser, type OrganiserEvent } from '../http/require-workshop';
import { loadProgramme, type ProgrammeData } from './programme';

export interface ProgrammeCall {
	app: App;
	data: ProgrammeData;
	filter: ProgrammeFilter;
	lang: Lang;
	now: Date;
}

export function toFilter(query: ProgrammeQuery): ProgrammeFilter {
	return { themeId: query.theme, municipality: query.municipality, status: query.status, from: query.from, to: query.to };
}

/**
 * The start of every `/api/programme` route: an organiser (401/403/429 otherwise, see
 * requireOrganiser), a valid filter (400 otherwise) and the programme's data.
 */
export async function programmeCall(event: OrganiserEvent & { url: URL; locals: { lang: Lang } }): Promise<ProgrammeCall | Response> {
	const caller = await requireOrganiser(event);
	if (caller instanceof Response) return caller;
	const query = programmeQuery(event.url.searchParams);
	if (!query.success)
		return problem(
			400,
			'bad_request',
			`bad filter: ${query.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`
		);
	const lang = requestLang(event.url, event.locals.lang);
	const now = new Date();
	return { app: caller.app, data: await loadProgramme(caller.app, { lang, now }), filter: toFilter(query.data), lang, now };
}

export const NO_STORE = { 'cache-control': 'no-store' };
