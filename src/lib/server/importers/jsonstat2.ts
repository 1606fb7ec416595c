import {
	SEX_BREAKDOWN_KEY,
	areaFromCategory,
	estimateRoles,
	fitIndicatorId,
	foldEstimateRoles,
	foldKey,
	isMetricDimension,
	isRegionDimension,
	isSexDimension,
	isTimeDimension,
	normaliseSex,
	periodEndYear,
	statusFromFlag,
	type Area,
	type DimensionLabels,
	type ImportResult,
	type ImportedIndicator,
	type Observation,
	type ObservationStatus
} from '$lib/domain/indicators';
import { ImportError } from './import-error';
import { isRecord, parseJsonInput, type ImportInput } from './input';
import { UNSPECIFIED_AREA, attributionFor } from './provenance';

/**
 * SCB PxWebApi 2 (and Folkhälsodata, and PxWeb v1 with `format: json-stat2`)
 * answer in JSON-stat 2.0: dimensions with ordered categories, and one flat
 * `value` array in row-major order over `id`/`size`. This importer turns the
 * cube into canonical observations: the time dimension becomes the period, the
 * region dimension the area, each metric (ContentsCode) category an indicator,
 * and every other dimension a breakdown key. JSON-stat 1.0 responses from PxWeb
 * v1 (`{ "dataset": { … } }`) are read too.
 */

export interface JsonStatImportOptions {
	/** Prefix for indicator ids; defaults to the table id in `extension.px.tableid`. */
	idPrefix?: string;
	/** Area for datasets without a region dimension (national tables often have none). */
	defaultArea?: Area;
}

interface Category {
	code: string;
	label: string;
}

interface Dimension {
	id: string;
	key: string;
	label: string;
	categories: Category[];
	units: Record<string, { base?: string; decimals?: number }>;
}

interface Dataset {
	label: string;
	source: string;
	updated: string;
	tableId: string;
	dimensions: Dimension[];
	values: (number | null)[];
	statuses: (string | undefined)[];
	roles: { time?: string; metric?: string; geo?: string };
	details: Record<string, Record<string, string>>;
}

const ROLE_KEY = '__contents';

/** Parses JSON-stat bytes; see {@link jsonStat2ToIndicators}. */
export function importJsonStat2(input: ImportInput, options: JsonStatImportOptions = {}): ImportResult {
	return jsonStat2ToIndicators(parseJsonInput(input, 'JSON-stat'), options);
}

/**
 * Converts a parsed JSON-stat document. Throws ImportError 'malformed' when
 * `id`, `size`, categories and `value` disagree (a truncated or hand-edited
 * file), 'unsupported' for collections or a cube without a time dimension, and
 * 'empty' for a cube with no cells. Cells that are null, or whose status flag
 * marks them missing ('..'), become `value: null` with status 'missing', never 0.
 */
export function jsonStat2ToIndicators(document: unknown, options: JsonStatImportOptions = {}): ImportResult {
	const warnings: string[] = [];
	const dataset = readDataset(document, warnings);
	const time = dataset.dimensions.find((d) => d.id === dataset.roles.time);
	if (!time) {
		throw new ImportError(
			'unsupported',
			'The JSON-stat dataset has no time dimension (role.time, or a dimension named Tid or År), so its values cannot be placed in periods.'
		);
	}
	const metric = dataset.dimensions.find((d) => d.id === dataset.roles.metric);
	const geo = dataset.dimensions.find((d) => d.id === dataset.roles.geo);
	if (!geo) {
		warnings.push(
			`The dataset has no region dimension; every value is given the area "${(options.defaultArea ?? UNSPECIFIED_AREA).name}".`
		);
	}
	const breakdownDims = dataset.dimensions.filter((d) => d !== time && d !== metric && d !== geo);
	const metricRoles = metric ? estimateRoles(labelsOf(metric)) : undefined;

	const strides = stridesFor(dataset.dimensions.map((d) => d.categories.length));
	const position = new Map(dataset.dimensions.map((d, i) => [d, i]));
	const estimateCode = metricRoles ? Object.keys(metricRoles).find((c) => metricRoles[c] === 'estimate') : undefined;
	const byIndicator = new Map<string, Observation[]>();
	const unknownSex = new Set<string>();

	for (let cell = 0; cell < dataset.values.length; cell++) {
		const categoryOf = (dim: Dimension): Category => {
			const i = position.get(dim)!;
			return dim.categories[Math.floor(cell / strides[i]!) % dim.categories.length]!;
		};
		const metricCode = metric ? categoryOf(metric).code : '';
		const code = estimateCode ?? metricCode;
		const breakdown: Record<string, string> = {};
		for (const dim of breakdownDims) {
			const category = categoryOf(dim);
			if (isSexDimension(dim.id, dim.label)) {
				const sex = normaliseSex(category.code, category.label);
				if (!sex) unknownSex.add(category.code);
				breakdown[SEX_BREAKDOWN_KEY] = sex ?? category.code;
			} else {
				breakdown[dim.key] = category.code;
			}
		}
		if (estimateCode !== undefined) breakdown[ROLE_KEY] = metricCode;

		const period = categoryOf(time);
		const area = geo ? areaFromCategory(categoryOf(geo).code, categoryOf(geo).label) : (options.defaultArea ?? UNSPECIFIED_AREA);
		const observation: Observation = {
			indicatorId: indicatorId(dataset, code, options),
			area,
			period: period.code,
			breakdown,
			...cellValue(dataset.values[cell] ?? null, dataset.statuses[cell])
		};
		const endYear = periodEndYear(period.code) ?? periodEndYear(period.label);
		if (endYear !== undefined) observation.periodEndYear = endYear;
		const list = byIndicator.get(code) ?? [];
		list.push(observation);
		byIndicator.set(code, list);
	}
	if (unknownSex.size > 0) {
		warnings.push(`Unrecognised sex codes were kept as they are: ${[...unknownSex].join(', ')}.`);
	}

	const indicators = [...byIndicator].map(([code, observations]) =>
		buildIndicator({ dataset, metric, code, observations, breakdownDims, foldMetric: estimateCode !== undefined, options })
	);
	return { indicators, warnings };
}

interface IndicatorParts {
	dataset: Dataset;
	metric: Dimension | undefined;
	code: string;
	observations: Observation[];
	breakdownDims: Dimension[];
	/** The metric dimension holds estimate, limits and n, to be folded into one indicator. */
	foldMetric: boolean;
	options: JsonStatImportOptions;
}

function buildIndicator(parts: IndicatorParts): ImportedIndicator {
	const { dataset, metric, code, breakdownDims, options } = parts;
	let observations = parts.observations;
	if (parts.foldMetric && metric) {
		observations = foldEstimateRoles(observations, { key: ROLE_KEY, roles: estimateRoles(labelsOf(metric))! });
	}
	const dimensions: Record<string, DimensionLabels> = {};
	for (const dim of breakdownDims) {
		const isSex = isSexDimension(dim.id, dim.label);
		const roles = isSex ? undefined : estimateRoles(labelsOf(dim));
		if (roles) {
			observations = foldEstimateRoles(observations, { key: dim.key, roles });
			continue;
		}
		dimensions[isSex ? SEX_BREAKDOWN_KEY : dim.key] = { label: dim.label, categories: isSex ? sexLabels(dim) : labelsOf(dim) };
	}

	const eliminated = code === '' || code.startsWith('Eliminated');
	const metricLabel = metric?.categories.find((c) => c.code === code)?.label;
	const name = eliminated || !metricLabel ? dataset.label : metricLabel;
	const unit = metric?.units[code]?.base;
	const sourceDetails: Record<string, string> = {};
	if (dataset.tableId) sourceDetails.tableid = dataset.tableId;
	if (dataset.updated) sourceDetails.updated = dataset.updated;
	if (dataset.label) sourceDetails.datasetLabel = dataset.label;
	for (const [detail, byCode] of Object.entries(dataset.details)) {
		if (byCode[code] !== undefined) sourceDetails[detail] = byCode[code];
	}
	const decimals = metric?.units[code]?.decimals;
	if (decimals !== undefined) sourceDetails.decimals = String(decimals);

	const attribution = attributionFor(dataset.source);
	return {
		id: indicatorId(dataset, code, options),
		name,
		...(unit ? { unit } : {}),
		meta: {
			namn: name,
			...(unit ? { unit } : {}),
			...(dataset.source ? { datakalla: dataset.source } : {}),
			...attribution
		},
		observations,
		dimensions,
		sourceDetails
	};
}

function indicatorId(dataset: Dataset, code: string, options: JsonStatImportOptions): string {
	if (code === '' || code.startsWith('Eliminated')) return fitIndicatorId(foldKey(dataset.label) || 'jsonstat');
	const prefix = options.idPrefix ?? dataset.tableId;
	return fitIndicatorId(prefix ? `${prefix}:${code}` : code);
}

function cellValue(raw: number | null, flag: string | undefined): { value: number | null; status: ObservationStatus } {
	const flagged = statusFromFlag(flag);
	if (raw === null || flagged === 'missing' || flagged === 'suppressed') {
		return { value: null, status: flagged === 'suppressed' ? 'suppressed' : 'missing' };
	}
	return { value: raw, status: flagged ?? 'ok' };
}

function readDataset(document: unknown, warnings: string[]): Dataset {
	if (!isRecord(document)) throw new ImportError('malformed', 'A JSON-stat dataset must be a JSON object.');
	let root = document;
	if (isRecord(document.dataset)) {
		root = fromJsonStat1(document.dataset);
		warnings.push('The response is JSON-stat 1.0 (PxWeb v1 "json-stat" format); it was read as JSON-stat 2.0.');
	}
	if (root.class === 'collection' || root.class === 'dimension') {
		throw new ImportError(
			'unsupported',
			`JSON-stat class "${String(root.class)}" has no values; request a dataset (outputFormat=json-stat2 on a table's data endpoint).`
		);
	}
	const ids = root.id;
	const sizes = root.size;
	if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === 'string')) {
		throw new ImportError('malformed', 'The JSON-stat dataset has no "id" list of dimension ids.');
	}
	if (!Array.isArray(sizes) || sizes.length !== ids.length || !sizes.every((s) => Number.isInteger(s) && s >= 0)) {
		throw new ImportError('malformed', 'The JSON-stat "size" list must give one category count per dimension id.');
	}
	if (!isRecord(root.dimension)) throw new ImportError('malformed', 'The JSON-stat dataset has no "dimension" object.');
	const dimensionRoot = root.dimension;
	const dimensions = ids.map((id, i) => readDimension(id, dimensionRoot[id], sizes[i] as number));
	const total = dimensions.reduce((product, d) => product * d.categories.length, 1);
	if (total === 0) throw new ImportError('empty', 'The JSON-stat dataset has a dimension without categories, so it has no values.');

	const role = isRecord(root.role) ? root.role : {};
	const firstOf = (list: unknown) => (Array.isArray(list) && typeof list[0] === 'string' ? list[0] : undefined);
	const time = firstOf(role.time) ?? dimensions.find((d) => isTimeDimension(d.id, d.label))?.id;
	const metric = firstOf(role.metric) ?? dimensions.find((d) => isMetricDimension(d.id, d.label))?.id;
	const geo = firstOf(role.geo) ?? dimensions.find((d) => d.id !== time && d.id !== metric && isRegionDimension(d.id, d.label))?.id;

	const extension = isRecord(root.extension) ? root.extension : {};
	const px = isRecord(extension.px) ? extension.px : {};
	const metricDimension = metric === undefined ? undefined : dimensionRoot[metric];
	return {
		label: typeof root.label === 'string' ? root.label : '',
		source: typeof root.source === 'string' ? root.source : '',
		updated: typeof root.updated === 'string' ? root.updated : '',
		tableId: typeof px.tableid === 'string' ? px.tableid : '',
		dimensions,
		values: readValues(root.value, total),
		statuses: readStatuses(root.status, total),
		roles: { time, metric, geo },
		details: metricDetails(metricDimension)
	};
}

function fromJsonStat1(dataset: Record<string, unknown>): Record<string, unknown> {
	const dimension = isRecord(dataset.dimension) ? dataset.dimension : {};
	const { id, size, role, ...dimensions } = dimension;
	return { ...dataset, class: 'dataset', id, size, role, dimension: dimensions };
}

function readDimension(id: string, raw: unknown, size: number): Dimension {
	if (!isRecord(raw) || !isRecord(raw.category)) {
		throw new ImportError('malformed', `JSON-stat dimension "${id}" is missing or has no "category".`);
	}
	const category = raw.category;
	const labels = isRecord(category.label) ? category.label : {};
	let codes: string[];
	if (Array.isArray(category.index)) {
		codes = category.index.map(String);
	} else if (isRecord(category.index)) {
		const index = category.index;
		codes = Object.keys(index).sort((a, b) => Number(index[a]) - Number(index[b]));
	} else {
		codes = Object.keys(labels);
	}
	if (codes.length !== size) {
		throw new ImportError('malformed', `JSON-stat dimension "${id}" has ${codes.length} categories but "size" says ${size}.`);
	}
	const units: Dimension['units'] = {};
	if (isRecord(category.unit)) {
		for (const [code, unit] of Object.entries(category.unit)) {
			if (!isRecord(unit)) continue;
			units[code] = {
				...(typeof unit.base === 'string' ? { base: unit.base } : typeof unit.label === 'string' ? { base: unit.label } : {}),
				...(typeof unit.decimals === 'number' ? { decimals: unit.decimals } : {})
			};
		}
	}
	return {
		id,
		key: foldKey(id),
		label: typeof raw.label === 'string' ? raw.label : id,
		categories: codes.map((code) => ({ code, label: typeof labels[code] === 'string' ? (labels[code] as string) : code })),
		units
	};
}

function readValues(raw: unknown, total: number): (number | null)[] {
	const values: (number | null)[] = new Array<number | null>(total).fill(null);
	if (Array.isArray(raw)) {
		if (raw.length !== total) {
			throw new ImportError(
				'malformed',
				`The JSON-stat "value" list has ${raw.length} entries but the dimensions describe ${total} cells.`
			);
		}
		raw.forEach((v, i) => (values[i] = toNumber(v, i)));
		return values;
	}
	if (isRecord(raw)) {
		for (const [index, v] of Object.entries(raw)) {
			const i = Number(index);
			if (!Number.isInteger(i) || i < 0 || i >= total) {
				throw new ImportError('malformed', `The JSON-stat "value" object has an index "${index}" outside 0-${total - 1}.`);
			}
			values[i] = toNumber(v, i);
		}
		return values;
	}
	throw new ImportError('malformed', 'The JSON-stat dataset has no "value" list.');
}

function toNumber(v: unknown, index: number): number | null {
	if (v === null) return null;
	if (typeof v === 'number' && Number.isFinite(v)) return v;
	throw new ImportError('malformed', `JSON-stat value ${index} is ${JSON.stringify(v)}, not a number or null.`);
}

function readStatuses(raw: unknown, total: number): (string | undefined)[] {
	if (typeof raw === 'string') return new Array<string>(total).fill(raw);
	const statuses = new Array<string | undefined>(total).fill(undefined);
	if (Array.isArray(raw)) {
		if (raw.length === 1 && typeof raw[0] === 'string') return new Array<string>(total).fill(raw[0]);
		raw.forEach((s, i) => (statuses[i] = typeof s === 'string' ? s : undefined));
	} else if (isRecord(raw)) {
		for (const [index, s] of Object.entries(raw)) {
			const i = Number(index);
			if (Number.isInteger(i) && i >= 0 && i < total && typeof s === 'string') statuses[i] = s;
		}
	}
	return statuses;
}

/** PxWebApi 2's per-contents extensions (refperiod, measuringType, priceType, adjustment), kept for the data card. */
function metricDetails(raw: unknown): Record<string, Record<string, string>> {
	const details: Record<string, Record<string, string>> = {};
	if (!isRecord(raw) || !isRecord(raw.extension)) return details;
	for (const name of ['refperiod', 'measuringType', 'priceType', 'adjustment']) {
		const byCode = raw.extension[name];
		if (!isRecord(byCode)) continue;
		details[name] = Object.fromEntries(Object.entries(byCode).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
	}
	return details;
}

function stridesFor(sizes: number[]): number[] {
	const strides = new Array<number>(sizes.length).fill(1);
	for (let i = sizes.length - 2; i >= 0; i--) strides[i] = strides[i + 1]! * sizes[i + 1]!;
	return strides;
}

function labelsOf(dim: Dimension): Record<string, string> {
	return Object.fromEntries(dim.categories.map((c) => [c.code, c.label]));
}

function sexLabels(dim: Dimension): Record<string, string> {
	return Object.fromEntries(dim.categories.map((c) => [normaliseSex(c.code, c.label) ?? c.code, c.label]));
}
