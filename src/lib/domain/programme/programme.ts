import type { FollowUpStatus } from '../archive/schema';

/**
 * The organisers' programme: every workshop with its theme, municipality, date, status
 * and who took part by sector, the totals across them, and the next steps the rooms
 * agreed on with how their follow-ups went. Pure functions over plain rows; the server
 * gathers the rows (server/programme/).
 */

export type ProgrammeStatus = 'open' | 'closed';

export interface ProgrammeWorkshop {
	id: string;
	title: string;
	themeId: string | null;
	/** The theme's name in the language asked for. */
	themeName: string | null;
	municipality: string | null;
	/** When the workshop was created (ISO timestamp); its date in the programme. */
	createdAt: string;
	closedAt: string | null;
	status: ProgrammeStatus;
	/** Participants by sector. */
	sectors: Record<string, number>;
	participants: number;
	/** A follow-up of an earlier workshop. */
	isFollowUp: boolean;
	/** The next follow-up date not yet started, and whether it has come. */
	nextFollowUp: { date: string; due: boolean } | null;
}

export interface ProgrammeFilter {
	themeId?: string | null;
	municipality?: string | null;
	status?: ProgrammeStatus | null;
	/** Inclusive calendar dates, YYYY-MM-DD, compared with the workshop's creation day. */
	from?: string | null;
	to?: string | null;
}

export interface ProgrammeTotals {
	workshops: number;
	participants: number;
	sectors: Record<string, number>;
	byTheme: Record<string, number>;
	byMunicipality: Record<string, number>;
	byStatus: Record<ProgrammeStatus, number>;
}

/** Municipality names are compared without case or surrounding space ("nynäshamn " is Nynäshamn). */
export function sameMunicipality(a: string, b: string): boolean {
	return a.trim().toLocaleLowerCase('sv') === b.trim().toLocaleLowerCase('sv');
}

export function filterWorkshops(workshops: readonly ProgrammeWorkshop[], filter: ProgrammeFilter): ProgrammeWorkshop[] {
	return workshops.filter((workshop) => {
		const day = workshop.createdAt.slice(0, 10);
		if (filter.themeId && workshop.themeId !== filter.themeId) return false;
		if (filter.municipality && !(workshop.municipality && sameMunicipality(workshop.municipality, filter.municipality))) return false;
		if (filter.status && workshop.status !== filter.status) return false;
		if (filter.from && day < filter.from) return false;
		if (filter.to && day > filter.to) return false;
		return true;
	});
}

/** Key for workshops without a theme or municipality in the totals; a municipality counts under its first spelling. */
export const NONE = '';

export function programmeTotals(workshops: readonly ProgrammeWorkshop[]): ProgrammeTotals {
	const totals: ProgrammeTotals = {
		workshops: workshops.length,
		participants: 0,
		sectors: {},
		byTheme: {},
		byMunicipality: {},
		byStatus: { open: 0, closed: 0 }
	};
	const add = (record: Record<string, number>, key: string, n = 1) => (record[key] = (record[key] ?? 0) + n);
	const spelling = (name: string) =>
		Object.keys(totals.byMunicipality).find((known) => known !== NONE && sameMunicipality(known, name)) ?? name;
	for (const workshop of workshops) {
		totals.participants += workshop.participants;
		for (const [sector, n] of Object.entries(workshop.sectors)) add(totals.sectors, sector, n);
		add(totals.byTheme, workshop.themeId ?? NONE);
		add(totals.byMunicipality, workshop.municipality?.trim() ? spelling(workshop.municipality.trim()) : NONE);
		totals.byStatus[workshop.status] += 1;
	}
	return totals;
}

/** The distinct municipalities, as first written, sorted the Swedish way. */
export function municipalities(workshops: readonly ProgrammeWorkshop[]): string[] {
	const seen: string[] = [];
	for (const workshop of workshops) {
		const name = workshop.municipality?.trim();
		if (name && !seen.some((known) => sameMunicipality(known, name))) seen.push(name);
	}
	return seen.sort((a, b) => a.localeCompare(b, 'sv'));
}

/** A next step as a closed workshop left it, with the verdict of its latest follow-up. */
export interface ProgrammeStep {
	workshopId: string;
	workshopTitle: string;
	cardId: string;
	text: string;
	owner: string | null;
	/** YYYY-MM-DD, if the room set one. */
	due: string | null;
	/** 'open' until a follow-up says done, not done or changed. */
	status: FollowUpStatus;
	note: string;
	/** The due date has passed and the step is not done. */
	overdue: boolean;
}

export function isOverdue(step: Pick<ProgrammeStep, 'due' | 'status'>, today: string): boolean {
	return step.due !== null && step.due < today && step.status !== 'done';
}

/** Overdue first (oldest due date first), then the rest by due date (undated last), then by workshop and text. */
export function orderSteps(steps: readonly ProgrammeStep[]): ProgrammeStep[] {
	return [...steps].sort(
		(a, b) =>
			Number(b.overdue) - Number(a.overdue) ||
			(a.due ?? '9999-99-99').localeCompare(b.due ?? '9999-99-99') ||
			a.workshopTitle.localeCompare(b.workshopTitle, 'sv') ||
			a.text.localeCompare(b.text, 'sv')
	);
}

export const STEP_STATUSES: readonly FollowUpStatus[] = ['done', 'changed', 'not-done', 'open'];

/** Next steps by the month they were due (YYYY-MM) and status, months ascending; undated steps are left out. */
export function stepStatusByMonth(steps: readonly ProgrammeStep[]): { month: string; counts: Record<FollowUpStatus, number> }[] {
	const months = new Map<string, Record<FollowUpStatus, number>>();
	for (const step of steps) {
		if (!step.due) continue;
		const month = step.due.slice(0, 7);
		const counts = months.get(month) ?? { open: 0, done: 0, 'not-done': 0, changed: 0 };
		counts[step.status] += 1;
		months.set(month, counts);
	}
	return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, counts]) => ({ month, counts }));
}
