import { guardFormula } from '../formula-guard';
import type { SystemMap } from './map';

/**
 * Links as `from;to;polarity` with factor labels, the format `parseLinksCsv`
 * reads. Semicolon because Swedish Excel expects it; CRLF and a byte-order mark
 * (on by default) so Excel opens å, ä and ö as UTF-8. A name starting with
 * = + - @, a tab or a carriage return gets a leading apostrophe so a spreadsheet
 * shows it instead of running it as a formula; the importer removes it again. Factors without links
 * are not in this format, and links to unknown factors are skipped.
 */
export function linksToCsv(map: SystemMap, options: { bom?: boolean } = {}): string {
	const labels = new Map(map.factors.map((factor) => [factor.id, factor.label]));
	const rows = [['from', 'to', 'polarity']];
	for (const link of map.links) {
		const from = labels.get(link.from);
		const to = labels.get(link.to);
		if (from !== undefined && to !== undefined) rows.push([guardFormula(from), guardFormula(to), link.polarity]);
	}
	const text = rows.map((row) => row.map(quote).join(';')).join('\r\n');
	return `${options.bom === false ? '' : '\uFEFF'}${text}\r\n`;
}

function quote(field: string): string {
	return /[;,"\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
