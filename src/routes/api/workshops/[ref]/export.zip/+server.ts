import { buildReportModel } from '$lib/domain/archive/report-model';
import { problem } from '$lib/server/http/problem';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { loadArchiveDocument, versionParam } from '$lib/server/archive/documents';
import { exportZip, exportZipFilename } from '$lib/server/archive/export-zip';
import { attachment, fileSlug } from '$lib/server/archive/http';
import type { RequestHandler } from './$types';

/**
 * GET /api/workshops/:ref/export.zip[?version=N][&separator=comma] (facilitator
 * or organiser) → a ZIP with one CSV per artefact (UTF-8 with BOM; `;` and
 * decimal comma for Swedish Excel, or `,` with `separator=comma`) and each
 * system map as GraphML and SVG.
 */
export const GET: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser' });
	if (caller instanceof Response) return caller;
	const version = versionParam(event.url);
	if (version === null) return problem(400, 'bad_request', 'version must be a positive whole number');
	const separator = event.url.searchParams.get('separator') ?? 'semicolon';
	if (separator !== 'semicolon' && separator !== 'comma') return problem(400, 'bad_request', 'separator must be semicolon or comma');
	const document = await loadArchiveDocument(caller.app, caller.workshop, { version, now: new Date() });
	if (!document) return problem(404, 'not_found', 'this workshop has no such version');
	const csvSeparator = separator === 'comma' ? ',' : ';';
	const zip = exportZip(document, buildReportModel(document), csvSeparator);
	const filename = exportZipFilename(fileSlug(document.workshop.title), document.source.version, csvSeparator);
	return attachment(zip.slice().buffer, { type: 'application/zip', filename });
};
