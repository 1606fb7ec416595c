import { readStoredArchive } from '$lib/domain/archive/stored-document';
import { visibleCards, cardsOfKind } from '$lib/domain/archive/cards';
import { isoDay, nextFollowUp } from '$lib/domain/archive/follow-up-dates';
import type { ArchiveDocument } from '$lib/domain/archive/schema';
import { findGaps } from '$lib/domain/cards/gaps';
import { THEMES } from '$lib/domain/method/default-templates';
import { groupGaps, type GapEntry, type GapGroup } from '$lib/domain/programme/gap-groups';
import {
	filterWorkshops,
	isOverdue,
	orderSteps,
	type ProgrammeFilter,
	type ProgrammeStep,
	type ProgrammeWorkshop
} from '$lib/domain/programme/programme';
import { programmeOutcomes as sumProgrammeOutcomes, type ProgrammeOutcomes } from '$lib/domain/programme/outcomes';
import type { Lang } from '$lib/i18n/lang';
import type { App } from '../app';
import { liveThemeId } from '../archive/archive-list';
import type { FollowUpStepRow } from '../persistence/archive';
import type { WorkshopSummaryRow } from '../persistence/workshops';

/**
 * Everything the organisers' programme reads, gathered once per request: every workshop
 * with its sectors, and for each closed one its latest frozen version (the wishes, the
 * vote and the next steps as the room left them). Open workshops count in the programme
 * but not in the gaps or next steps: nothing of theirs is final yet.
 */
export interface ProgrammeData {
	workshops: ProgrammeWorkshop[];
	/** The latest frozen version of each closed workshop, by id. */
	documents: Map<string, ArchiveDocument>;
	summaries: WorkshopSummaryRow[];
}

export async function loadProgramme(app: App, options: { lang: Lang; now: Date }): Promise<ProgrammeData> {
	const today = isoDay(options.now);
	const summaries = await app.storage.workshops.listSummaries();
	const workshops: ProgrammeWorkshop[] = [];
	const documents = new Map<string, ArchiveDocument>();
	for (const summary of summaries) {
		const { workshop, archive } = summary;
		const closed = workshop.status === 'closed';
		const themeId = closed ? (archive?.themeId ?? null) : await liveThemeId(app, workshop.id);
		const sectors: Record<string, number> = {};
		const participants = await app.storage.participants.list(workshop.id);
		for (const participant of participants) sectors[participant.sector] = (sectors[participant.sector] ?? 0) + 1;
		if (closed) {
			const stored = await app.storage.archive.findVersion(workshop.id);
			if (stored) documents.set(workshop.id, readStoredArchive(stored.document));
		}
		workshops.push({
			id: workshop.id,
			title: workshop.title,
			themeId,
			themeName: THEMES.find((theme) => theme.id === themeId)?.name[options.lang] ?? null,
			municipality: archive?.municipality ?? null,
			createdAt: workshop.createdAt,
			closedAt: closed ? (archive?.closedAt ?? null) : null,
			status: workshop.status,
			sectors,
			participants: participants.length,
			isFollowUp: archive?.followUpOf != null,
			nextFollowUp: closed ? nextFollowUp({ dates: archive?.followUpDates ?? [], started: summary.followUpsStarted, today }) : null
		});
	}
	return { workshops, documents, summaries };
}

/** The evaluation of the (filtered) closed workshops, per workshop and summed ("7 av 10 planerar nya initiativ"). */
export function programmeOutcomes(data: ProgrammeData, filter: ProgrammeFilter): ProgrammeOutcomes {
	return sumProgrammeOutcomes(
		filterWorkshops(data.workshops, filter).flatMap((workshop) => {
			const document = data.documents.get(workshop.id);
			// Archives from before the evaluation existed have no responses.
			const responses = document?.responses ?? null;
			return responses ? [{ workshopId: workshop.id, title: workshop.title, isFollowUp: workshop.isFollowUp, responses }] : [];
		})
	);
}

/** The shared gaps of the (filtered) closed workshops, similar wishes grouped. */
export function programmeGaps(data: ProgrammeData, filter: ProgrammeFilter): GapGroup[] {
	const entries: GapEntry[] = [];
	for (const workshop of filterWorkshops(data.workshops, filter)) {
		const document = data.documents.get(workshop.id);
		if (!document) continue;
		const cards = visibleCards(document);
		const tally = document.vote?.status === 'closed' ? (document.vote.tally ?? []) : [];
		const rank = new Map(tally.map((row) => [row.cardId, row.rank]));
		for (const gap of findGaps(cards)) {
			entries.push({
				workshopId: workshop.id,
				text: gap.wish.text,
				sector: gap.wish.sector,
				proposedDataOwner: gap.proposedDataOwner,
				rank: rank.get(gap.wish.id) ?? null
			});
		}
	}
	return groupGaps(entries);
}

/**
 * Every next step of the (filtered) closed workshops, with the latest verdict a
 * follow-up gave it, overdue first. A follow-up workshop's carried steps are its
 * origin's and counted there; verdicts are looked up along the chain of follow-ups
 * (a follow-up of a follow-up reports on the same steps).
 */
export async function programmeSteps(app: App, data: ProgrammeData, filter: ProgrammeFilter, now: Date): Promise<ProgrammeStep[]> {
	const today = isoDay(now);
	const originOf = new Map(data.summaries.map((s) => [s.workshop.id, s.archive?.followUpOf?.workshopId ?? null]));
	const root = (id: string): string => {
		const seen = new Set<string>();
		let current = id;
		while (!seen.has(current)) {
			seen.add(current);
			const origin = originOf.get(current);
			if (!origin || !originOf.has(origin)) return current;
			current = origin;
		}
		return current;
	};
	const verdicts = new Map<string, FollowUpStepRow>();
	const carried = new Map<string, Set<string>>();
	for (const summary of data.summaries) {
		if (!summary.archive?.followUpOf) continue;
		const rows = await app.storage.archive.listFollowUpSteps(summary.workshop.id);
		carried.set(summary.workshop.id, new Set(rows.map((row) => row.cardId)));
		for (const row of rows) {
			const key = `${root(summary.workshop.id)}\n${row.cardId}`;
			const known = verdicts.get(key);
			if (!known || (row.status !== 'open' && (known.status === 'open' || row.updatedAt > known.updatedAt))) verdicts.set(key, row);
		}
	}
	const steps: ProgrammeStep[] = [];
	for (const workshop of filterWorkshops(data.workshops, filter)) {
		const document = data.documents.get(workshop.id);
		if (!document) continue;
		const skip = carried.get(workshop.id) ?? new Set<string>();
		for (const card of cardsOfKind(visibleCards(document), 'nasta-steg')) {
			if (skip.has(card.id)) continue;
			const verdict = verdicts.get(`${root(workshop.id)}\n${card.id}`);
			const status = verdict?.status ?? 'open';
			const due = card.nextStep?.due || null;
			steps.push({
				workshopId: workshop.id,
				workshopTitle: workshop.title,
				cardId: card.id,
				text: card.text,
				owner: card.nextStep?.owner ?? null,
				due,
				status,
				note: verdict?.note ?? '',
				overdue: isOverdue({ due, status }, today)
			});
		}
	}
	return orderSteps(steps);
}
