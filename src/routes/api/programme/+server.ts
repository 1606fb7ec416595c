import { json } from '@sveltejs/kit';
import type { ProgrammeResponse } from '$lib/api/programme';
import { filterWorkshops, programmeTotals } from '$lib/domain/programme/programme';
import { NO_STORE, programmeCall } from '$lib/server/programme/http';
import type { RequestHandler } from './$types';

/**
 * GET /api/programme[?theme=&municipality=&status=&from=&to=] (organiser) → { workshops:
 * [{ id, title, themeId, themeName, municipality, createdAt, closedAt, status, sectors,
 * participants, isFollowUp, nextFollowUp }], totals: { workshops, participants, sectors,
 * byTheme, byMunicipality, byStatus } } over the workshops the filter keeps, newest first.
 */
export const GET: RequestHandler = async (event) => {
	const call = await programmeCall(event);
	if (call instanceof Response) return call;
	const workshops = filterWorkshops(call.data.workshops, call.filter);
	const body: ProgrammeResponse = { workshops, totals: programmeTotals(workshops) };
	return json(body, { headers: NO_STORE });
};
