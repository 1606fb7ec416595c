import { BLANK_SHEETS_MAX, canvasSheets } from '$lib/domain/archive/canvas-sheets';
import { canvasPage } from '$lib/server/archive/canvas-html';
import { loadArchiveDocument } from '$lib/server/archive/documents';
import { attachment, fileSlug, requestLang } from '$lib/server/archive/http';
import { PdfUnavailable, htmlToPdf } from '$lib/server/archive/pdf';
import { problem } from '$lib/server/http/problem';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { log } from '$lib/server/log';
import type { RequestHandler } from './$types';

/**
 * GET /api/workshops/:ref/canvas.pdf[?blank=1[&copies=N]][&lang=en] (facilitator)
 * → the seed's A3 canvas as an A3 landscape PDF: filled with the cards of the
 * plenary and each group, or blank, one per group (`copies` when there are no
 * groups, 1–50). 400 for a bad parameter; 501 without Chromium, as the report PDF.
 */
export const GET: RequestHandler = async (event) => {
	const call = await requireWorkshop(event, { need: 'facilitator' });
	if (call instanceof Response) return call;
	const blank = event.url.searchParams.get('blank');
	if (blank !== null && blank !== '1' && blank !== '0') return problem(400, 'bad_request', 'blank must be 1 or 0');
	const copiesParam = event.url.searchParams.get('copies');
	const copies = copiesParam === null ? 1 : Number(copiesParam);
	if (!Number.isInteger(copies) || copies < 1 || copies > BLANK_SHEETS_MAX) {
		return problem(400, 'bad_request', `copies must be a whole number from 1 to ${BLANK_SHEETS_MAX}`);
	}
	const document = await loadArchiveDocument(call.app, call.workshop, { now: new Date() });
	if (!document) return problem(404, 'not_found', 'this workshop has nothing to print');
	const lang = requestLang(event.url, event.locals.lang);
	const sheets = canvasSheets(document, { blank: blank === '1', copies, lang });
	try {
		const pdf = await htmlToPdf(canvasPage(sheets, { title: document.workshop.title, lang }));
		const name = `${fileSlug(document.workshop.title)}-a3${blank === '1' ? '-tom' : ''}.pdf`;
		return attachment(pdf.slice().buffer, { type: 'application/pdf', filename: name });
	} catch (error) {
		if (!(error instanceof PdfUnavailable)) throw error;
		log.warn('canvas.pdf_unavailable', { reason: error.message });
		return problem(501, 'unavailable', `PDF is not available on this server (${error.message})`);
	}
};
