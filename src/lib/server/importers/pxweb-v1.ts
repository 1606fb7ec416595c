import {
	SEX_BREAKDOWN_KEY,
	areaFromCategory,
	estimateRoles,
	fitIndicatorId,
	foldEstimateRoles,
	foldKey,
	isRegionDimension,
	isSexDimension,
	normaliseSex,
	parseNumericCell,
	periodEndYear,
	type Area,
	type DimensionLabels,
	type EstimateRole,
	type ImportResult,
	type ImportedIndicator,
	type Observation
} from '$lib/domain/indicators';
import { ImportError } from './import-error';
import { isRecord, parseJsonInput, type ImportInput } from './input';
import { UNSPECIFIED_AREA, attributionFor } from './provenance';
import { unreadableValuesWarning } from './warnings';

/**
 * PxWeb v1 `"format": "json"` responses (Folkhälsodata, SCB's API v1, municipal
 * PxWeb databases): `columns` typed 'd' (dimension), 't' (time) and 'c'
 * (contents), and `data` rows whose `key` holds the d/t codes in column order
 * and whose `values` are strings per contents column. Values like '..', '-'
 * and '' are kept as missing. The data rows carry codes only, so names come
 * from the table's metadata (see {@link pxWebV1LabelsFromMetadata}).
 */

/** Value texts per variable code, from the metadata a GET on the table returns. */
export type PxWebLabels = Record<string, { text?: string; values: Record<string, string> }>;

export interface PxWebV1ImportOptions {
	/** Prefix for indicator ids, e.g. the table path; contents codes alone are not unique across tables. */
	idPrefix?: string;
	labels?: PxWebLabels;
	defaultArea?: Area;
}

interface Column {
	code: string;
	text: string;
	type: 'd' | 't' | 'c';
}

/** Parses PxWeb v1 JSON bytes; see {@link pxWebV1ToIndicators}. */
export function importPxWebV1(input: ImportInput, options: PxWebV1ImportOptions = {}): ImportResult {
	return pxWebV1ToIndicators(parseJsonInput(input, 'PxWeb'), options);
}

/**
 * Converts a parsed PxWeb v1 response. The time column gives the period
 * (rolling Folkhälsodata windows such as '2021-2024' get periodEndYear 2024),
 * a region-like column the area, a sex column the `kon` breakdown (00/01/02,
 * 1+2/1/2 → T/M/K), and each contents column an indicator. When the contents
 * columns are a share with its confidence limits and number of answers, they
 * are folded into one indicator with ciLower/ciUpper/n.
 */
export function pxWebV1ToIndicators(document: unknown, options: PxWebV1ImportOptions = {}): ImportResult {
	const warnings: string[] = [];
	if (!isRecord(document) || !Array.isArray(document.columns) || !Array.isArray(document.data)) {
		throw new ImportError('malformed', 'A PxWeb v1 response needs a "columns" list and a "data" list.');
	}
	const columns = document.columns.map(readColumn);
	const keyColumns = columns.filter((c) => c.type !== 'c');
	const contents = columns.filter((c) => c.type === 'c');
	const time = keyColumns.find((c) => c.type === 't');
	if (!time) {
		throw new ImportError('unsupported', 'The PxWeb response has no time column (type "t"), so values cannot be placed in periods.');
	}
	if (contents.length === 0) {
		throw new ImportError('malformed', 'The PxWeb response has no contents column (type "c").');
	}
	if (document.data.length === 0) throw new ImportError('empty', 'The PxWeb response has no data rows.');

	const labels = options.labels ?? {};
	const region = keyColumns.find((c) => c.type === 'd' && isRegionDimension(c.code, c.text));
	if (!region) {
		const areaName = (options.defaultArea ?? UNSPECIFIED_AREA).name;
		warnings.push(`The table has no region column; every value is given the area "${areaName}".`);
	}
	const breakdownColumns = keyColumns.filter((c) => c !== time && c !== region);
	const contentRoles = estimateRoles(Object.fromEntries(contents.map((c) => [c.code, c.text])));

	const byIndicator = new Map<string, Observation[]>();
	const unreadable: string[] = [];
	const unknownSex = new Set<string>();
	document.data.forEach((row, rowIndex) => {
		if (!isRecord(row) || !Array.isArray(row.key) || !Array.isArray(row.values)) {
			throw new ImportError('malformed', `PxWeb data row ${rowIndex + 1} needs "key" and "values" lists.`);
		}
		if (row.key.length !== keyColumns.length || row.values.length !== contents.length) {
			throw new ImportError(
				'malformed',
				`PxWeb data row ${rowIndex + 1} has ${row.key.length} keys and ${row.values.length} values; ` +
					`the columns describe ${keyColumns.length} and ${contents.length}.`
			);
		}
		const keys: unknown[] = row.key;
		const cells: unknown[] = row.values;
		const keyOf = (column: Column) => String(keys[keyColumns.indexOf(column)]);
		const period = keyOf(time);
		const breakdown: Record<string, string> = {};
		for (const column of breakdownColumns) {
			const code = keyOf(column);
			if (isSexDimension(column.code, column.text)) {
				const sex = normaliseSex(code, labels[column.code]?.values[code]);
				if (!sex) unknownSex.add(code);
				breakdown[SEX_BREAKDOWN_KEY] = sex ?? code;
			} else {
				breakdown[foldKey(column.code)] = code;
			}
		}
		const area = region
			? areaFromCategory(keyOf(region), labels[region.code]?.values[keyOf(region)])
			: (options.defaultArea ?? UNSPECIFIED_AREA);
		contents.forEach((column, i) => {
			const raw = cells[i];
			const cell = parseNumericCell(typeof raw === 'string' || typeof raw === 'number' ? raw : null);
			if (cell.unreadable) unreadable.push(`row ${rowIndex + 1} "${String(raw)}"`);
			const indicatorCode = contentRoles ? estimateColumn(contentRoles) : column.code;
			const observation: Observation = {
				indicatorId: prefixed(indicatorCode, options),
				area,
				period,
				breakdown: contentRoles ? { ...breakdown, [ROLE_KEY]: column.code } : breakdown,
				value: cell.value,
				status: cell.status
			};
			const endYear = periodEndYear(period);
			if (endYear !== undefined) observation.periodEndYear = endYear;
			const list = byIndicator.get(indicatorCode) ?? [];
			list.push(observation);
			byIndicator.set(indicatorCode, list);
		});
	});
	const unreadableWarning = unreadableValuesWarning(unreadable);
	if (unreadableWarning) warnings.push(unreadableWarning);
	if (unknownSex.size > 0) warnings.push(`Unrecognised sex codes were kept as they are: ${[...unknownSex].join(', ')}.`);

	const metadata = Array.isArray(document.metadata) && isRecord(document.metadata[0]) ? document.metadata[0] : {};
	const source = typeof metadata.source === 'string' ? metadata.source : '';
	const indicators = [...byIndicator].map(([code, rawObservations]): ImportedIndicator => {
		let observations = contentRoles ? foldEstimateRoles(rawObservations, { key: ROLE_KEY, roles: contentRoles }) : rawObservations;
		const dimensions: Record<string, DimensionLabels> = {};
		for (const column of breakdownColumns) {
			const key = isSexDimension(column.code, column.text) ? SEX_BREAKDOWN_KEY : foldKey(column.code);
			const values = labels[column.code]?.values ?? {};
			const roles = estimateRoles(values);
			if (roles && key !== SEX_BREAKDOWN_KEY) {
				observations = foldEstimateRoles(observations, { key, roles });
				continue;
			}
			dimensions[key] = { label: column.text, categories: key === SEX_BREAKDOWN_KEY ? sexLabels(values) : values };
		}
		const name = contents.find((c) => c.code === code)?.text ?? code;
		const sourceDetails: Record<string, string> = {};
		for (const field of ['label', 'updated', 'infofile'] as const) {
			if (typeof metadata[field] === 'string') sourceDetails[field] = metadata[field];
		}
		return {
			id: prefixed(code, options),
			name,
			meta: { namn: name, ...(source ? { datakalla: source } : {}), ...attributionFor(source) },
			observations,
			dimensions,
			sourceDetails
		};
	});
	return { indicators, warnings };
}

/**
 * Reads value texts from a PxWeb v1 table metadata response
 * (`{ title, variables: [{ code, text, values, valueTexts }] }`), so that area
 * and breakdown names can be shown instead of codes.
 */
export function pxWebV1LabelsFromMetadata(metadata: unknown): PxWebLabels {
	if (!isRecord(metadata) || !Array.isArray(metadata.variables)) {
		throw new ImportError('malformed', 'PxWeb table metadata needs a "variables" list.');
	}
	const labels: PxWebLabels = {};
	for (const variable of metadata.variables) {
		if (!isRecord(variable) || typeof variable.code !== 'string' || !Array.isArray(variable.values)) continue;
		const texts = Array.isArray(variable.valueTexts) ? variable.valueTexts : [];
		labels[variable.code] = {
			...(typeof variable.text === 'string' ? { text: variable.text } : {}),
			values: Object.fromEntries(variable.values.map((v, i) => [String(v), String(texts[i] ?? v)]))
		};
	}
	return labels;
}

const ROLE_KEY = '__contents';

function readColumn(raw: unknown, index: number): Column {
	if (!isRecord(raw) || typeof raw.code !== 'string' || !['d', 't', 'c'].includes(String(raw.type))) {
		throw new ImportError('malformed', `PxWeb column ${index + 1} needs a "code" and a "type" of d, t or c.`);
	}
	return { code: raw.code, text: typeof raw.text === 'string' ? raw.text : raw.code, type: raw.type as Column['type'] };
}

function estimateColumn(roles: Record<string, EstimateRole>): string {
	return Object.keys(roles).find((code) => roles[code] === 'estimate')!;
}

function prefixed(code: string, options: PxWebV1ImportOptions): string {
	return fitIndicatorId(options.idPrefix ? `${options.idPrefix}:${code}` : code);
}

function sexLabels(values: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(values).map(([code, text]) => [normaliseSex(code, text) ?? code, text]));
}
