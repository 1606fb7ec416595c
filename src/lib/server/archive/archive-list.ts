import { isoDay, nextFollowUp, type NextFollowUp } from '$lib/domain/archive/follow-up-dates';
import { THEMES } from '$lib/domain/method/default-templates';
import type { Lang } from '$lib/i18n/lang';
import { readControl } from '$lib/sync/control';
import type { App } from '../app';
import type { WorkshopRow } from '../persistence/workshops';

export interface ArchiveListRow {
	id: string;
	code: string;
	title: string;
	theme: string | null;
	createdAt: string;
	status: WorkshopRow['status'];
	participantCount: number;
	nextFollowUp: NextFollowUp | null;
	isFollowUp: boolean;
}

/**
 * The organiser's archive: every workshop (or only `onlyIds`, a facilitator's
 * own), newest first, with its theme, status, participant count and the next
 * follow-up date, filtered by a search over title, theme and join code. Closed
 * workshops keep the theme they were closed with; an open one's is read from
 * its control document, which is small and loaded once.
 */
export async function listArchive(
	app: App,
	options: { onlyIds: ReadonlySet<string> | null; query: string; lang: Lang; now: Date }
): Promise<ArchiveListRow[]> {
	const today = isoDay(options.now);
	const needle = options.query.trim().toLocaleLowerCase('sv');
	const rows: ArchiveListRow[] = [];
	for (const summary of await app.storage.workshops.listSummaries()) {
		const { workshop, archive } = summary;
		if (options.onlyIds && !options.onlyIds.has(workshop.id)) continue;
		const themeId = workshop.status === 'closed' ? (archive?.themeId ?? null) : await liveThemeId(app, workshop.id);
		const theme = THEMES.find((candidate) => candidate.id === themeId)?.name[options.lang] ?? null;
		const haystack = [workshop.title, theme ?? '', workshop.code].join(' ').toLocaleLowerCase('sv');
		if (needle && !haystack.includes(needle)) continue;
		rows.push({
			id: workshop.id,
			code: workshop.code,
			title: workshop.title,
			theme,
			createdAt: workshop.createdAt,
			status: workshop.status,
			participantCount: summary.participantCount,
			nextFollowUp:
				workshop.status === 'closed'
					? nextFollowUp({ dates: archive?.followUpDates ?? [], started: summary.followUpsStarted, today })
					: null,
			isFollowUp: archive?.followUpOf !== null && archive?.followUpOf !== undefined
		});
	}
	return rows;
}

/** An open workshop's theme, from its preparation in the control document. */
export async function liveThemeId(app: App, workshopId: string): Promise<string | null> {
	const { preparation } = readControl((await app.docs.get(workshopId, 'control')).doc);
	if (preparation?.themeId) return preparation.themeId;
	return preparation?.question?.kind === 'theme' ? preparation.question.themeId : null;
}
