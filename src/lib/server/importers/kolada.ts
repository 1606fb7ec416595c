import {
	SEX_BREAKDOWN_KEY,
	areaLevelFromCode,
	isNationalArea,
	normaliseSex,
	periodEndYear,
	statusFromFlag,
	type Area,
	type ImportResult,
	type ImportedIndicator,
	type IndicatorMeta,
	type Observation
} from '$lib/domain/indicators';
import { ImportError } from './import-error';
import { isRecord, parseJsonInput, type ImportInput } from './input';
import { KOLADA_ATTRIBUTION } from './provenance';

/**
 * Kolada (RKA) data responses, v3 and the retired v2, which share one shape:
 * `{ values: [{ kpi, municipality | ou, period, values: [{ gender, value,
 * status, count }] }], next_url | next_page }`. Entries with `value: null` or
 * status "Missing" are kept as missing observations (never 0); the period may
 * arrive as a number (v3) or a string (v2).
 */

/** A KPI's metadata in canonical form, ready to merge into an indicator. */
export interface KoladaKpi {
	id: string;
	name: string;
	meta: Partial<IndicatorMeta>;
	/** Kolada's own fields, verbatim: auspice, operating_area, perspective, municipality_type, … */
	sourceDetails: Record<string, string>;
}

export interface KoladaImportOptions {
	/** KPI metadata (see {@link parseKoladaKpiMetadata}); without it an indicator is named by its id. */
	kpis?: readonly KoladaKpi[];
	/** Area names by code (see {@link koladaAreaNames}); data rows carry codes only. */
	areaNames?: Record<string, string>;
}

/**
 * The KPI ids and municipality codes a Kolada data response refers to, so their
 * names can be looked up (data rows carry codes only). Organisational units
 * (`ou`) are left out: they have a register of their own.
 */
export function koladaCodes(document: unknown): { kpiIds: string[]; municipalityCodes: string[] } {
	const rows = isRecord(document) && Array.isArray(document.values) ? document.values.filter(isRecord) : [];
	const kpiIds = new Set<string>();
	const municipalityCodes = new Set<string>();
	for (const row of rows) {
		if (typeof row.kpi === 'string') kpiIds.add(row.kpi);
		if (typeof row.municipality === 'string') municipalityCodes.add(row.municipality);
	}
	return { kpiIds: [...kpiIds].sort(), municipalityCodes: [...municipalityCodes].sort() };
}

/** Parses a Kolada data response; see {@link koladaToIndicators}. */
export function importKolada(input: ImportInput, options: KoladaImportOptions = {}): ImportResult {
	return koladaToIndicators(parseJsonInput(input, 'Kolada'), options);
}

/**
 * Converts one page of a Kolada data response. Each value becomes an
 * observation with breakdown `{ kon: 'T' | 'K' | 'M' }`; rows flagged
 * `isdeleted` are skipped with a warning. Follow {@link koladaNextPageUrl} and
 * merge the pages with `mergeImportResults`.
 */
export function koladaToIndicators(document: unknown, options: KoladaImportOptions = {}): ImportResult {
	if (!isRecord(document) || !Array.isArray(document.values)) {
		throw new ImportError('malformed', 'A Kolada data response needs a "values" list.');
	}
	if (document.values.length === 0) throw new ImportError('empty', 'The Kolada response has no values.');
	const warnings: string[] = [];
	const kpis = new Map((options.kpis ?? []).map((kpi) => [kpi.id, kpi]));
	const byKpi = new Map<string, Observation[]>();
	let deleted = 0;
	let skippedRows = 0;

	for (const row of document.values) {
		const areaCode = isRecord(row) ? (typeof row.municipality === 'string' ? row.municipality : row.ou) : undefined;
		if (
			!isRecord(row) ||
			typeof row.kpi !== 'string' ||
			typeof areaCode !== 'string' ||
			(typeof row.period !== 'number' && typeof row.period !== 'string') ||
			!Array.isArray(row.values)
		) {
			if (isRecord(row) && typeof row.id === 'string' && typeof row.title === 'string') {
				throw new ImportError('unsupported', 'This is Kolada metadata (KPIs or areas), not data; it has no values to import.');
			}
			skippedRows++;
			continue;
		}
		const period = String(row.period);
		const area = koladaArea(areaCode, typeof row.ou === 'string', options.areaNames);
		for (const entry of row.values) {
			if (!isRecord(entry)) continue;
			if (entry.isdeleted === true) {
				deleted++;
				continue;
			}
			const gender = typeof entry.gender === 'string' ? entry.gender : 'T';
			const flagged = statusFromFlag(typeof entry.status === 'string' ? entry.status : undefined);
			const value = typeof entry.value === 'number' && Number.isFinite(entry.value) ? entry.value : null;
			const isMissing = value === null || flagged === 'missing' || flagged === 'suppressed';
			const observation: Observation = {
				indicatorId: row.kpi,
				area,
				period,
				breakdown: { [SEX_BREAKDOWN_KEY]: normaliseSex(gender) ?? gender },
				value: isMissing ? null : value,
				status: isMissing ? (flagged === 'suppressed' ? 'suppressed' : 'missing') : (flagged ?? 'ok')
			};
			const endYear = periodEndYear(period);
			if (endYear !== undefined) observation.periodEndYear = endYear;
			const list = byKpi.get(row.kpi) ?? [];
			list.push(observation);
			byKpi.set(row.kpi, list);
		}
	}
	if (skippedRows > 0) warnings.push(`${skippedRows} Kolada rows without kpi, area, period or values were skipped.`);
	if (deleted > 0) warnings.push(`${deleted} Kolada values marked as deleted (isdeleted) were skipped.`);
	if (byKpi.size === 0) throw new ImportError('empty', 'The Kolada response has no usable values.');

	const indicators = [...byKpi].map(([id, observations]): ImportedIndicator => {
		const kpi = kpis.get(id);
		return {
			id,
			name: kpi?.name ?? id,
			...(kpi?.meta.unit ? { unit: kpi.meta.unit } : {}),
			meta: { namn: kpi?.name ?? id, datakalla: 'Kolada', ...KOLADA_ATTRIBUTION, ...kpi?.meta },
			observations,
			dimensions: { [SEX_BREAKDOWN_KEY]: { label: 'Kön', categories: { T: 'Totalt', K: 'Kvinnor', M: 'Män' } } },
			sourceDetails: kpi?.sourceDetails ?? {}
		};
	});
	return { indicators, warnings };
}

/**
 * URL of the next page of a Kolada response, or null on the last page. v3
 * clients see `next_url`, the v2 documentation and older clients `next_page`;
 * both are read so a loader works against either.
 */
export function koladaNextPageUrl(response: unknown): string | null {
	if (!isRecord(response)) return null;
	for (const field of ['next_url', 'next_page']) {
		const value = response[field];
		if (typeof value === 'string' && value.trim() !== '') return value;
	}
	return null;
}

/**
 * Reads KPI metadata from `/kpi/{ids}` or `/kpi?title=…` (a `values` list), a
 * bare list, or a single object. Kolada spells the responsible-organisation
 * field `auspice` or `auspices` and sends `is_divided_by_gender` as 0/1 (v2) or
 * a boolean (v3); both spellings are accepted.
 */
export function parseKoladaKpiMetadata(input: ImportInput): KoladaKpi[] {
	const document = parseJsonInput(input, 'Kolada KPI');
	const list = isRecord(document) && Array.isArray(document.values) ? document.values : Array.isArray(document) ? document : [document];
	const kpis = list.filter(isRecord).filter((k) => typeof k.id === 'string' && typeof k.title === 'string');
	if (kpis.length === 0) throw new ImportError('malformed', 'The Kolada KPI response has no KPI objects with id and title.');
	return kpis.map(koladaKpiFromObject);
}

/** Maps one Kolada KPI object to canonical metadata; see {@link parseKoladaKpiMetadata}. */
export function koladaKpiFromObject(kpi: Record<string, unknown>): KoladaKpi {
	const text = (field: string): string | undefined => {
		const value = kpi[field];
		return typeof value === 'string' && value.trim() !== '' ? value : undefined;
	};
	const id = String(kpi.id);
	const name = text('title') ?? id;
	const definition = text('definition') ?? text('description');
	const unit = text('unit');
	const sourceDetails: Record<string, string> = {};
	const auspice = text('auspice') ?? text('auspices');
	if (auspice) sourceDetails.auspice = auspice;
	const verbatim = ['operating_area', 'perspective', 'municipality_type', 'publication_date', 'prel_publication_date', 'publ_period'];
	for (const field of verbatim) {
		const value = kpi[field];
		if (typeof value === 'string' || typeof value === 'number') sourceDetails[field] = String(value);
	}
	for (const field of ['is_divided_by_gender', 'has_ou_data']) {
		const value = kpi[field];
		if (typeof value === 'boolean' || value === 0 || value === 1) sourceDetails[field] = String(value === true || value === 1);
	}
	return {
		id,
		name,
		meta: {
			namn: name,
			...(definition ? { definition } : {}),
			...(unit ? { unit } : {}),
			datakalla: 'Kolada',
			...KOLADA_ATTRIBUTION
		},
		sourceDetails
	};
}

/** Area names by code from a Kolada `/municipality` response. */
export function koladaAreaNames(input: ImportInput): Record<string, string> {
	const document = parseJsonInput(input, 'Kolada municipality');
	const list = isRecord(document) && Array.isArray(document.values) ? document.values : [];
	return Object.fromEntries(
		list
			.filter(isRecord)
			.filter((m) => typeof m.id === 'string' && typeof m.title === 'string')
			.map((m) => [m.id as string, m.title as string])
	);
}

function koladaArea(code: string, isUnit: boolean, names: Record<string, string> | undefined): Area {
	const name = names?.[code] ?? (isNationalArea(code) ? 'Riket' : code);
	if (isUnit) return { code, name };
	// Kolada's municipality groups ('G…') average their members; they are not a place.
	const level = code.startsWith('G') ? 'annan' : areaLevelFromCode(code);
	return level ? { code, name, level } : { code, name };
}
