import type { ArchiveState } from '$lib/api/archive';
import { isoDay, nextFollowUp } from '$lib/domain/archive/follow-up-dates';
import { PLENARY_CANVAS } from '$lib/domain/workshop/documents';
import { readCards } from '$lib/sync/cards';
import type { App } from '../app';
import type { WorkshopRow } from '../persistence/workshops';

/** What the facilitator's archive controls show: status, versions, follow-up dates and carried-over steps. */
export async function archiveState(app: App, workshop: WorkshopRow, now: Date): Promise<ArchiveState> {
	const [archive, versions, steps, summaries] = await Promise.all([
		app.storage.archive.find(workshop.id),
		app.storage.archive.listVersions(workshop.id),
		app.storage.archive.listFollowUpSteps(workshop.id),
		app.storage.workshops.listSummaries()
	]);
	const started = summaries.find((row) => row.workshop.id === workshop.id)?.followUpsStarted ?? 0;
	const cards = steps.length > 0 ? readCards((await app.docs.get(workshop.id, PLENARY_CANVAS)).doc) : [];
	const origin = archive?.followUpOf ?? null;
	return {
		status: workshop.status,
		closedAt: workshop.status === 'closed' ? (archive?.closedAt ?? null) : null,
		versions: versions.map(({ version, createdAt }) => ({ version, createdAt })),
		followUpDates: archive?.followUpDates ?? [],
		nextFollowUp: workshop.status === 'closed' ? nextFollowUp({ dates: archive?.followUpDates ?? [], started, today: isoDay(now) }) : null,
		followUpOf: origin ? { workshopId: origin.workshopId, title: origin.title, version: origin.version } : null,
		steps: steps.flatMap((step) => {
			const card = cards.find((candidate) => candidate.id === step.cardId);
			return card
				? [
						{
							cardId: step.cardId,
							text: card.text,
							owner: card.nextStep?.owner ?? null,
							due: card.nextStep?.due ?? null,
							status: step.status,
							note: step.note
						}
					]
				: [];
		})
	};
}
