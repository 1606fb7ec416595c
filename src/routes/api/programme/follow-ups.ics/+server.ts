import { translator } from '$lib/i18n/messages';
import { archiveApp } from '$lib/server/archive/access';
import { requestLang } from '$lib/server/archive/http';
import { problem } from '$lib/server/http/problem';
import { allFollowUpEntries, feedTokenMatches, followUpCalendar } from '$lib/server/programme/calendar';
import type { RequestHandler } from './$types';

/**
 * GET /api/programme/follow-ups.ics?token=…[&lang=en] → 200 text/calendar: every closed
 * workshop's follow-up dates, for a calendar app to subscribe to. The token (made on the
 * archive page or by POST /api/programme/feed-token) stands in for the organiser sign-in,
 * which a calendar app cannot do: 401 without one, 403 with one that is no organiser's
 * current token.
 */
export const GET: RequestHandler = async (event) => {
	const app = await archiveApp();
	const token = event.url.searchParams.get('token');
	if (!token) return problem(401, 'unauthorized', 'the feed needs its token (?token=…); organisers find the link on /arkiv');
	if (token.length > 200 || !(await feedTokenMatches(app, token))) return problem(403, 'forbidden', 'this is not a current feed token');
	const lang = requestLang(event.url, event.locals.lang);
	const origin = app.config.publicOrigin ?? event.url.origin;
	const body = followUpCalendar(await allFollowUpEntries(app, lang), {
		name: translator(lang)('programme.calendar.name'),
		startUrl: `${origin}/arkiv`,
		lang,
		host: new URL(origin).host
	});
	return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'no-store' } });
};
