import { json } from '@sveltejs/kit';
import type { ProgrammeResponse } from '$lib/api/programme';
import { filterWorkshops, programmeTotals } from '$lib/domain/programme/programme';
import { NO_STORE, programmeCall } from '$lib/server/programme/http';
import { programmeOutcomes } from '$lib/server/programme/programme';
import type { RequestHandler } from './$types';

/**
 * GET /api/programme[?theme=&municipality=&status=&from=&to=] (organiser) → { workshops:
 * [{ id, title, themeId, themeName, municipality, createdAt, closedAt, status, sectors,
 * participants, isFollowUp, nextFollowUp }], totals: { workshops, participants, sectors,
 * byTheme, byMunicipality, byStatus }, outcomes: { workshops: [{ workshopId, title, isFollowUp,
 * outcomes }], total } } over the workshops the filter keeps, newest first. `outcomes` per
 * measure (`collaboration`, `initiatives`, `data-useful`, `follow-up-initiatives`) is
 * `{ agree, of }`: how many answered 4 or 5 of how many answered, closed workshops only.
 */
export const GET: RequestHandler = async (event) => {
	const call = await programmeCall(event);
	if (call instanceof Response) return call;
	const workshops = filterWorkshops(call.data.workshops, call.filter);
	const body: ProgrammeResponse = { workshops, totals: programmeTotals(workshops), outcomes: programmeOutcomes(call.data, call.filter) };
	return json(body, { headers: NO_STORE });
};
