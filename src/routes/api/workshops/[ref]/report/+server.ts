import { buildReportModel } from '$lib/domain/archive/report-model';
import { problem } from '$lib/server/http/problem';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { loadArchiveDocument, versionParam } from '$lib/server/archive/documents';
import { LOCKED_DOWN_CSP, requestLang } from '$lib/server/archive/http';
import { reportPage } from '$lib/server/archive/report-html';
import type { RequestHandler } from './$types';

/**
 * GET /api/workshops/:ref/report[?version=N][&lang=en] (facilitator or
 * organiser) → the report as one self-contained HTML page with print styles:
 * no scripts, nothing loaded from anywhere.
 */
export const GET: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser' });
	if (caller instanceof Response) return caller;
	const version = versionParam(event.url);
	if (version === null) return problem(400, 'bad_request', 'version must be a positive whole number');
	const now = new Date();
	const document = await loadArchiveDocument(caller.app, caller.workshop, { version, now });
	if (!document) return problem(404, 'not_found', 'this workshop has no such version');
	const lang = requestLang(event.url, event.locals.lang);
	return new Response(reportPage(buildReportModel(document, lang), { lang, now }), {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy': LOCKED_DOWN_CSP,
			'cache-control': 'no-store'
		}
	});
};
