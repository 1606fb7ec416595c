import { z } from 'zod';
import type { GapGroup } from '$lib/domain/programme/gap-groups';
import type { ProgrammeOutcomes } from '$lib/domain/programme/outcomes';
import type { ProgrammeStep, ProgrammeTotals, ProgrammeWorkshop } from '$lib/domain/programme/programme';

/**
 * Shapes of the organisers' programme endpoints (`/api/programme/…`), shared by the
 * routes and the archive page. The README documents each endpoint.
 */

/** The longest municipality name stored. */
export const MUNICIPALITY_LENGTH = 80;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

/** The filter every programme endpoint takes as query parameters; each may be left out. */
export const programmeQuerySchema = z.object({
	theme: z.string().min(1).max(80).optional(),
	municipality: z.string().min(1).max(MUNICIPALITY_LENGTH).optional(),
	status: z.enum(['open', 'closed']).optional(),
	from: isoDay.optional(),
	to: isoDay.optional()
});
export type ProgrammeQuery = z.infer<typeof programmeQuerySchema>;

/** The municipality form on the archive page: empty clears it. */
export const municipalityFormSchema = z.object({
	workshopId: z.string().regex(/^[a-z0-9]{1,40}$/),
	municipality: z.string().trim().max(MUNICIPALITY_LENGTH)
});

/** Reads the filter from a URL's query; empty parameters count as absent. */
export function programmeQuery(params: URLSearchParams): z.ZodSafeParseResult<ProgrammeQuery> {
	const raw = Object.fromEntries(
		['theme', 'municipality', 'status', 'from', 'to'].flatMap((key) => {
			const value = params.get(key)?.trim();
			return value ? [[key, value]] : [];
		})
	);
	return programmeQuerySchema.safeParse(raw);
}

/** `GET /api/programme` */
export interface ProgrammeResponse {
	workshops: ProgrammeWorkshop[];
	totals: ProgrammeTotals;
	/** The evaluation of the closed workshops (added; the fields above are unchanged). */
	outcomes: ProgrammeOutcomes;
}

/** One shared gap as the API gives it. */
export type ProgrammeGap = Omit<GapGroup, 'workshopIds'>;

/** `GET /api/programme/gaps` */
export interface ProgrammeGapsResponse {
	gaps: ProgrammeGap[];
}

/** `GET /api/programme/steps` */
export interface ProgrammeStepsResponse {
	steps: ProgrammeStep[];
}
