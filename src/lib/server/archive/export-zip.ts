import { strToU8, zipSync, type Zippable } from 'fflate';
import { toCsv, type CsvSeparator } from '$lib/domain/archive/csv';
import { exportFileId, exportTables } from '$lib/domain/archive/export-tables';
import type { ReportModel } from '$lib/domain/archive/report-model';
import type { ArchiveDocument } from '$lib/domain/archive/schema';
import { mapToGraphml } from '$lib/domain/systemmap';
import { mapImage } from './report-map';

/**
 * The spreadsheet export: one CSV per artefact (UTF-8 with a byte-order mark,
 * `;` and decimal comma for Swedish Excel by default, or `,`), and each system
 * map as GraphML (for Gephi, yEd) and SVG, in `systemkartor/`.
 */
export function exportZip(document: ArchiveDocument, report: ReportModel, separator: CsvSeparator): Uint8Array {
	const files: Zippable = {};
	for (const table of exportTables(document, report)) files[table.file] = strToU8(toCsv(table, separator));
	document.maps.forEach((map, index) => {
		if (map.factors.length === 0) return;
		const title = map.title ?? `Systemkarta ${index + 1}`;
		const name = exportFileId(map.mapId);
		files[`systemkartor/${name}.graphml`] = strToU8(mapToGraphml(map, { title }));
		files[`systemkartor/${name}.svg`] = strToU8(mapImage(map, { title, heading: true }));
	});
	return zipSync(files, { level: 6, mtime: new Date(document.exportedAt) });
}

/**
 * The ZIP's file name: the two separator variants get different names, so downloading
 * both keeps both (the comma one ends in `-komma`).
 */
export function exportZipFilename(slug: string, version: number | null, separator: CsvSeparator): string {
	const suffix = version === null ? '' : `-v${version}`;
	return `${slug}${suffix}${separator === ',' ? '-komma' : ''}.zip`;
}
