import type { CsvCell } from '../archive/csv';
import { SECTORS } from '../workshop/sectors';
import type { GapGroup } from './gap-groups';

/**
 * The shared gaps as one table, for the CSV and XLSX downloads. Like the workshop
 * export's CSV files, headers are Swedish and sectors keep their codes (one column
 * each, so a spreadsheet can sum them); several texts in one cell are joined by " | ".
 */
export const GAP_SECTOR_COLUMNS = [...SECTORS, 'facilitator'] as const;

export function gapTable(gaps: readonly Omit<GapGroup, 'workshopIds'>[]): { header: string[]; rows: CsvCell[][] } {
	return {
		header: ['önskemål', 'varianter', 'antal workshoppar', ...GAP_SECTOR_COLUMNS, 'förslag på vem som kan ta fram', 'bästa rang'],
		rows: gaps.map((gap) => [
			gap.text,
			gap.variants.join(' | '),
			gap.workshops,
			...GAP_SECTOR_COLUMNS.map((sector) => gap.sectors[sector] ?? 0),
			gap.proposals.join(' | '),
			gap.bestRank
		])
	};
}
