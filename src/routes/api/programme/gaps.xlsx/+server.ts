import { attachment } from '$lib/server/archive/http';
import { programmeCall } from '$lib/server/programme/http';
import { programmeGaps } from '$lib/server/programme/programme';
import { gapsWorkbook } from '$lib/server/programme/xlsx';
import type { RequestHandler } from './$types';

/** GET /api/programme/gaps.xlsx[?filter] (organiser) → the shared gaps as an Excel workbook, one sheet, the CSV's columns. */
export const GET: RequestHandler = async (event) => {
	const call = await programmeCall(event);
	if (call instanceof Response) return call;
	const workbook = await gapsWorkbook(programmeGaps(call.data, call.filter));
	return attachment(new Uint8Array(workbook), {
		type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		filename: 'datagap.xlsx'
	});
};
