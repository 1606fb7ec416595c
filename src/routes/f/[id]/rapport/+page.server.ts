import { error } from '@sveltejs/kit';
import { buildReportModel } from '$lib/domain/archive/report-model';
import { archiveApp } from '$lib/server/archive/access';
import { loadArchiveDocument, versionParam } from '$lib/server/archive/documents';
import { REPORT_CSS } from '$lib/server/archive/report-css';
import { renderReport } from '$lib/server/archive/report-html';
import type { PageServerLoad } from './$types';

/**
 * The facilitator's report page (the layout has checked the facilitator
 * cookie): the same report the API serves, rendered on the server in the
 * visitor's language, with `?version=N` for an earlier frozen version.
 */
export const load: PageServerLoad = async ({ parent, url, locals }) => {
	const { workshop } = await parent();
	const app = await archiveApp();
	const row = await app.storage.workshops.findById(workshop.id);
	const version = versionParam(url);
	if (!row || version === null) error(404, { message: 'Not found' });
	const now = new Date();
	const document = await loadArchiveDocument(app, row, { version, now });
	if (!document) error(404, { message: 'Not found' });
	return {
		lang: locals.lang,
		css: REPORT_CSS,
		report: renderReport(buildReportModel(document, locals.lang), { lang: locals.lang, now }),
		status: row.status,
		version: document.source.version
	};
};
