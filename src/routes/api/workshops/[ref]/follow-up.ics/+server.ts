import { requireWorkshop } from '$lib/server/http/require-workshop';
import { fileSlug, requestLang } from '$lib/server/archive/http';
import { followUpCalendar, followUpEntry } from '$lib/server/programme/calendar';
import { translator } from '$lib/i18n/messages';
import type { RequestHandler } from './$types';

/**
 * GET /api/workshops/:ref/follow-up.ics[?lang=en] (facilitator or organiser) → 200
 * text/calendar: one all-day event per follow-up date of the workshop (none before it
 * is closed), with its title, question and a link to start the follow-up.
 */
export const GET: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser' });
	if (caller instanceof Response) return caller;
	const lang = requestLang(event.url, event.locals.lang);
	const origin = caller.app.config.publicOrigin ?? event.url.origin;
	const entry = await followUpEntry(caller.app, caller.workshop, lang);
	const body = followUpCalendar([entry], {
		name: translator(lang)('programme.calendar.workshopName', { title: caller.workshop.title }),
		startUrl: `${origin}/arkiv`,
		lang,
		host: new URL(origin).host
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${fileSlug(caller.workshop.title)}-uppfoljning.ics"`,
			'cache-control': 'no-store'
		}
	});
};
