/**
 * Period labels differ per source: '2023' (Kolada, SCB), '2021-2024' (Folkhälsodata
 * rolling 4-year survey windows), '2026M01' (SCB months), '2024K1' (quarters),
 * '20242025' or '2024/25' (school years). The label is kept as the source wrote it;
 * these helpers only read the years out of it for sorting and x-axis placement.
 */

export interface PeriodInfo {
	/** First calendar year the period touches. */
	startYear: number;
	/** Last calendar year; a rolling window '2021-2024' is placed at 2024 (the hamta-fohm.R convention). */
	endYear: number;
	/** Month, quarter or half-year number inside the year, 0 for whole years; only used for ordering. */
	subPeriod: number;
}

const YEAR = /^(\d{4})$/;
const RANGE = /^(\d{4})\s*[-–/]\s*(\d{4}|\d{2})$/;
const SCHOOL_YEAR_JOINED = /^(\d{4})(\d{4})$/;
const SUB_YEAR = /^(\d{4})\s*([MKQH])\s*(\d{1,2})$/i;
const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * Reads start and end year from a period label; `undefined` when the label has no
 * recognisable year (e.g. 'ej angivet'), so callers keep such rows without an x position
 * instead of inventing one.
 */
export function parsePeriod(label: string): PeriodInfo | undefined {
	const text = label.trim();
	let match = YEAR.exec(text);
	if (match) return year(Number(match[1]), Number(match[1]), 0);
	match = SCHOOL_YEAR_JOINED.exec(text);
	if (match && Number(match[2]) === Number(match[1]) + 1) {
		return year(Number(match[1]), Number(match[2]), 0);
	}
	match = SUB_YEAR.exec(text);
	if (match) {
		const unit = match[2]!.toUpperCase();
		const index = Number(match[3]);
		// Months 1-12, quarters 1-4, halves 1-2: scale onto months so mixed labels still sort.
		const months = unit === 'M' ? index : unit === 'H' ? index * 6 : index * 3;
		return year(Number(match[1]), Number(match[1]), months);
	}
	match = DATE.exec(text);
	if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) {
		return year(Number(match[1]), Number(match[1]), Number(match[2]));
	}
	match = RANGE.exec(text);
	if (match) {
		const start = Number(match[1]);
		const endText = match[2]!;
		const end = endText.length === 2 ? Math.floor(start / 100) * 100 + Number(endText) : Number(endText);
		if (end >= start) return year(start, end, 0);
	}
	return undefined;
}

/** The year a period is plotted at; see {@link PeriodInfo.endYear}. */
export function periodEndYear(label: string): number | undefined {
	return parsePeriod(label)?.endYear;
}

/**
 * Orders period labels chronologically by end year, then start year, then month or
 * quarter; labels without a year go last in alphabetical order. Rolling windows
 * '2017-2020' and '2018-2021' thereby follow each other as they should.
 */
export function comparePeriods(a: string, b: string): number {
	const pa = parsePeriod(a);
	const pb = parsePeriod(b);
	if (pa && pb) {
		return pa.endYear - pb.endYear || pa.startYear - pb.startYear || pa.subPeriod - pb.subPeriod || a.localeCompare(b);
	}
	if (pa) return -1;
	if (pb) return 1;
	return a.localeCompare(b, 'sv');
}

function year(startYear: number, endYear: number, subPeriod: number): PeriodInfo {
	return { startYear, endYear, subPeriod };
}
