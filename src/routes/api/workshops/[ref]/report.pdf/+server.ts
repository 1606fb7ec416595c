import { buildReportModel } from '$lib/domain/archive/report-model';
import { problem } from '$lib/server/http/problem';
import { log } from '$lib/server/log';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { loadArchiveDocument, versionParam } from '$lib/server/archive/documents';
import { attachment, fileSlug, requestLang } from '$lib/server/archive/http';
import { PdfUnavailable, htmlToPdf } from '$lib/server/archive/pdf';
import { reportPage } from '$lib/server/archive/report-html';
import type { RequestHandler } from './$types';

/**
 * GET /api/workshops/:ref/report.pdf[?version=N][&lang=en] (facilitator or
 * organiser) → the report as an A4 PDF, printed by headless Chromium. 501 when
 * this server has no Chromium or no playwright-core; the HTML report can then
 * be printed to PDF from the browser.
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
	try {
		const pdf = await htmlToPdf(reportPage(buildReportModel(document, lang), { lang, now }));
		const suffix = document.source.version === null ? '' : `-v${document.source.version}`;
		return attachment(pdf.slice().buffer, { type: 'application/pdf', filename: `${fileSlug(document.workshop.title)}${suffix}.pdf` });
	} catch (error) {
		if (!(error instanceof PdfUnavailable)) throw error;
		log.warn('report.pdf_unavailable', { reason: error.message });
		return problem(
			501,
			'unavailable',
			`PDF is not available on this server (${error.message}); print the HTML report from a browser instead`
		);
	}
};
