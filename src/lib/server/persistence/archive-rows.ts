import type { ArchiveRow, FollowUpOriginRow } from './storage';

/** `workshop_archive` as both SQL stores return it; lists and objects are stored as JSON text. */
export interface ArchiveDbRow {
	workshop_id: string;
	closed_at: string | null;
	theme_id: string | null;
	follow_up_dates: string;
	follow_up_of: string | null;
	names_erased_at: string | null;
}

export function toArchive(r: ArchiveDbRow): ArchiveRow {
	return {
		workshopId: r.workshop_id,
		closedAt: r.closed_at,
		themeId: r.theme_id,
		followUpDates: JSON.parse(r.follow_up_dates) as string[],
		followUpOf: r.follow_up_of ? (JSON.parse(r.follow_up_of) as FollowUpOriginRow) : null,
		namesErasedAt: r.names_erased_at
	};
}
