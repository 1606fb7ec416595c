import { problem } from '$lib/server/http/problem';
import { requireWorkshop } from '$lib/server/http/require-workshop';
import { loadArchiveDocument, versionParam } from '$lib/server/archive/documents';
import { attachment, fileSlug } from '$lib/server/archive/http';
import type { RequestHandler } from './$types';

/**
 * GET /api/workshops/:ref/export.json[?version=N] (facilitator or organiser) →
 * the archive document (schema `datadialog.workshop`, schemaVersion 1): the
 * given frozen version, else the latest one of a closed workshop, else the live
 * state of an open one.
 */
export const GET: RequestHandler = async (event) => {
	const caller = await requireWorkshop(event, { need: 'facilitator-or-organiser' });
	if (caller instanceof Response) return caller;
	const version = versionParam(event.url);
	if (version === null) return problem(400, 'bad_request', 'version must be a positive whole number');
	const document = await loadArchiveDocument(caller.app, caller.workshop, { version, now: new Date() });
	if (!document) return problem(404, 'not_found', 'this workshop has no such version');
	const suffix = document.source.version === null ? '' : `-v${document.source.version}`;
	return attachment(`${JSON.stringify(document, null, '\t')}\n`, {
		type: 'application/json; charset=utf-8',
		filename: `${fileSlug(document.workshop.title)}${suffix}.json`
	});
};
