import Papa from 'papaparse';
import { unguardFormula } from '../formula-guard';
import { slugId } from './ids';
import { failed, issuesToErrors, normalizePolarity, stripBom, type ImportError, type ImportResult } from './import-result';
import { FACTOR_LABEL_MAX, isPolarity, MAP_LINKS_MAX, type Factor, type Link } from './map';
import { checkLabel, validateMap } from './validate';

const HEADER_FROM = new Set(['from', 'från', 'fran', 'orsak']);
const HEADER_TO = new Set(['to', 'till', 'verkan']);

interface Row {
	line: number;
	fields: string[];
}

/**
 * Parses a CSV of links, one `from;to;polarity` per line, where from and to are
 * factor names. A comma works as separator too (decided by the first row, so a
 * name in a semicolon file may hold commas), quoted fields follow RFC 4180,
 * and a header row such as `from;to;polarity` or `från;till;polaritet` is skipped.
 *
 * Factors are created from the distinct names (kind 'faktor') with ids slugged
 * from the name, in order of first appearance, so the same file always gives the
 * same ids. An empty file, a missing name or a polarity other than '+'/'-' is an
 * error with its line number, and then no map is returned at all.
 */
export function parseLinksCsv(text: string): ImportResult {
	const source = stripBom(text);
	const rows = readRows(source);
	if (!rows.ok) return failed(rows.errors);
	const dataRows = rows.rows.filter((row, i) => !(i === 0 && isHeader(row.fields)));
	if (dataRows.length === 0) return { ok: false, errors: [{ message: 'the CSV holds no links' }] };
	if (dataRows.length > MAP_LINKS_MAX) {
		return { ok: false, errors: [{ message: `at most ${MAP_LINKS_MAX} links are allowed` }] };
	}

	const errors: ImportError[] = [];
	const factorsByLabel = new Map<string, Factor>();
	const factorIds = new Set<string>();
	const links: Link[] = [];
	for (const { line, fields } of dataRows) {
		const [from = '', to = '', polarity = '', ...rest] = fields.map((field) => field.trim());
		if (rest.some((field) => field !== '')) {
			errors.push({ line, message: 'expected three columns: from;to;polarity' });
			continue;
		}
		const names = [unguardFormula(from), unguardFormula(to)];
		const problems = names.map((name) => checkLabel(name, FACTOR_LABEL_MAX));
		for (const [i, problem] of problems.entries()) {
			const column = i === 0 ? 'from' : 'to';
			if (problem === 'empty') errors.push({ line, message: `${column}: factor name is missing` });
			if (problem === 'too-long') {
				errors.push({ line, message: `${column}: factor name must be at most ${FACTOR_LABEL_MAX} characters` });
			}
		}
		const sign = normalizePolarity(polarity);
		if (!isPolarity(sign)) {
			errors.push({ line, message: `polarity: expected '+' or '-', got '${polarity.slice(0, 20)}'` });
		}
		if (problems.some((problem) => problem !== null) || !isPolarity(sign)) continue;
		const [fromId, toId] = names.map((name) => {
			const known = factorsByLabel.get(name);
			if (known) return known.id;
			const id = slugId(name, factorIds);
			factorIds.add(id);
			factorsByLabel.set(name, { id, label: name, kind: 'faktor' });
			return id;
		}) as [string, string];
		links.push({ id: `link-${links.length + 1}`, from: fromId, to: toId, polarity: sign });
	}
	if (errors.length > 0) return failed(errors);

	const checked = validateMap({ factors: [...factorsByLabel.values()], links });
	if (!checked.ok) return failed(issuesToErrors(checked.issues));
	return { ok: true, title: null, map: checked.map };
}

function readRows(source: string): { ok: true; rows: Row[] } | { ok: false; errors: ImportError[] } {
	if (source.trim() === '') return { ok: false, errors: [{ message: 'the CSV is empty' }] };
	// Papa reports where each row ends; rows arrive in order, so lines are counted once.
	let line = 1;
	let counted = 0;
	const lineAt = (offset: number) => {
		for (; counted < offset; counted++) if (source.charCodeAt(counted) === 10) line++;
		return line;
	};
	const rows: Row[] = [];
	const errors: ImportError[] = [];
	let rowStart = 0;
	Papa.parse<string[]>(source, {
		delimiter: detectDelimiter(source),
		step: (result) => {
			const rowLine = lineAt(rowStart);
			rowStart = result.meta.cursor;
			for (const error of result.errors) errors.push({ line: rowLine, message: `malformed CSV: ${error.message}` });
			if (result.data.some((field) => field.trim() !== '')) rows.push({ line: rowLine, fields: result.data });
		}
	});
	return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/**
 * ';' when the first row has a semicolon outside quotes, else ','. Deciding on the
 * first row alone lets names in a semicolon file hold commas without quotes.
 */
function detectDelimiter(source: string): ';' | ',' {
	let quoted = false;
	let seenContent = false;
	for (const char of source) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && char === ';') return ';';
		else if (!quoted && char === '\n' && seenContent) return ',';
		if (char.trim() !== '') seenContent = true;
	}
	return ',';
}

function isHeader(fields: string[]): boolean {
	const [from = '', to = ''] = fields.map((field) => field.trim().toLowerCase());
	return HEADER_FROM.has(from) && HEADER_TO.has(to);
}
