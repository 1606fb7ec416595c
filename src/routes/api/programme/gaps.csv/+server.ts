import { toCsv } from '$lib/domain/archive/csv';
import { gapTable } from '$lib/domain/programme/gap-table';
import { problem } from '$lib/server/http/problem';
import { attachment } from '$lib/server/archive/http';
import { programmeCall } from '$lib/server/programme/http';
import { programmeGaps } from '$lib/server/programme/programme';
import type { RequestHandler } from './$types';

/**
 * GET /api/programme/gaps.csv[?filter][&separator=comma] (organiser) → the shared gaps as
 * CSV like the workshop export's: UTF-8 with BOM, `;` for Swedish Excel (or `,`), CRLF.
 */
export const GET: RequestHandler = async (event) => {
	const call = await programmeCall(event);
	if (call instanceof Response) return call;
	const separator = event.url.searchParams.get('separator') ?? 'semicolon';
	if (separator !== 'semicolon' && separator !== 'comma') return problem(400, 'bad_request', 'separator must be semicolon or comma');
	const csv = toCsv(gapTable(programmeGaps(call.data, call.filter)), separator === 'comma' ? ',' : ';');
	const filename = separator === 'comma' ? 'datagap-komma.csv' : 'datagap.csv';
	return attachment(csv, { type: 'text/csv; charset=utf-8', filename });
};
