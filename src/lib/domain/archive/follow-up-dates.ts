/**
 * When a workshop is followed up. The County Administrative Board's practice
 * (seed 004: "Ungefär 3–6 och 12 månader efter genomförda kommunbesök ... för en
 * uppföljning") gives the defaults: the first follow-up opens three months after
 * closing, the second after twelve.
 */
export const DEFAULT_FOLLOW_UP_MONTHS = [3, 12] as const;

/** `YYYY-MM-DD` of a date, in UTC. */
export function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/**
 * The calendar date `months` after `date` (UTC). A day the target month lacks
 * becomes its last day: 30 November plus three months is 28 (or 29) February,
 * never 2 March.
 */
export function addMonths(date: Date, months: number): string {
	const year = date.getUTCFullYear();
	const month = date.getUTCMonth() + months;
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	return isoDay(new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay))));
}

export function defaultFollowUpDates(closedAt: Date): string[] {
	return DEFAULT_FOLLOW_UP_MONTHS.map((months) => addMonths(closedAt, months));
}

export interface NextFollowUp {
	date: string;
	/** The date has come and no follow-up workshop has been started for it yet. */
	due: boolean;
}

/**
 * The first follow-up date not yet covered. Each follow-up workshop started
 * covers the earliest open date, so after the 3–6 month follow-up the archive
 * points at the 12 month one. Null when every date is covered (or none was set).
 */
export function nextFollowUp(options: { dates: readonly string[]; started: number; today: string }): NextFollowUp | null {
	const date = options.dates[options.started];
	return date === undefined ? null : { date, due: date <= options.today };
}
