import type { CsvCell } from '../archive/csv';
import { customSectorName, DEFAULT_SECTORS, inSectorOrder, MORE_SECTORS } from '../workshop/sectors';
import type { GapGroup } from './gap-groups';

/**
 * The shared gaps as one table, for the CSV and XLSX downloads. Like the workshop
 * export's CSV files, headers are Swedish and sectors keep their codes (one column
 * each, so a spreadsheet can sum them); several texts in one cell are joined by " | ".
 */
export function gapTable(gaps: readonly Omit<GapGroup, 'workshopIds'>[]): { header: string[]; rows: CsvCell[][] } {
	// The default sectors always; the seeds' other actors only when some workshop had them.
	const more = MORE_SECTORS.filter((sector) => gaps.some((gap) => (gap.sectors[sector] ?? 0) > 0));
	// Sectors a facilitator typed in, each a column of its own after the known ones.
	const typedIn = inSectorOrder(gaps.flatMap((gap) => Object.keys(gap.sectors))).filter((sector) => customSectorName(sector) !== null);
	const columns = [...DEFAULT_SECTORS, ...more, ...typedIn, 'facilitator'];
	return {
		header: ['önskemål', 'varianter', 'antal workshoppar', ...columns, 'förslag på vem som kan ta fram', 'bästa rang'],
		rows: gaps.map((gap) => [
			gap.text,
			gap.variants.join(' | '),
			gap.workshops,
			...columns.map((sector) => gap.sectors[sector] ?? 0),
			gap.proposals.join(' | '),
			gap.bestRank
		])
	};
}
