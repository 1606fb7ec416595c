import type { KpiHit, MunicipalityHit } from '$lib/api/indicators';
import { mergeImportResults, type ImportResult } from '$lib/domain/indicators';
import { ImportError } from '../importers/import-error';
import { isRecord, parseJsonInput } from '../importers/input';
import { koladaKpiFromObject, koladaNextPageUrl, koladaToIndicators, type KoladaKpi } from '../importers/kolada';
import type { IndicatorSourcesConfig } from './config';
import { UpstreamError, fetchUpstream } from './upstream';

/**
 * Kolada v3 as the facilitator uses it: search KPIs by title, search
 * municipalities, then fetch one KPI's values for the chosen municipalities
 * and riket. Paths follow Kolada's grammar (`/kpi?title=`, `/municipality?title=`,
 * `/data/kpi/{kpi}/municipality/{ids}`) under `KOLADA_BASE_URL`.
 */

const RIKET = { id: '0000', title: 'Riket' } as const;

/** Kolada pages hold up to 5000 values; 20 pages is far more than one KPI over all municipalities. */
const MAX_PAGES = 20;
const SEARCH_LIMIT = 25;

export async function searchKoladaKpis(config: IndicatorSourcesConfig, title: string): Promise<KpiHit[]> {
	const list = await getList(config, `/kpi?title=${encodeURIComponent(title)}&per_page=${SEARCH_LIMIT}`, 'Kolada KPI');
	return list.slice(0, SEARCH_LIMIT).map((item) => {
		const kpi = koladaKpiFromObject(item);
		return {
			id: kpi.id,
			title: kpi.name,
			...(kpi.meta.definition ? { description: kpi.meta.definition } : {}),
			...(kpi.sourceDetails.operating_area ? { operatingArea: kpi.sourceDetails.operating_area } : {})
		};
	});
}

export async function searchKoladaMunicipalities(config: IndicatorSourcesConfig, title: string): Promise<MunicipalityHit[]> {
	const list = await getList(config, `/municipality?title=${encodeURIComponent(title)}&per_page=${SEARCH_LIMIT}`, 'Kolada municipality');
	return list.slice(0, SEARCH_LIMIT).map((item) => ({
		id: String(item.id),
		title: String(item.title),
		...(typeof item.type === 'string' ? { type: item.type } : {})
	}));
}

/**
 * One KPI's values for the given areas plus riket, all pages, with the KPI's
 * title and definition as metadata. Area names come from the caller (the
 * municipality search it showed), because data rows carry codes only.
 */
export async function fetchKoladaKpi(
	config: IndicatorSourcesConfig,
	request: { kpi: string; areas: readonly MunicipalityHit[] }
): Promise<ImportResult> {
	const areas = [RIKET, ...request.areas.filter((a) => a.id !== RIKET.id)];
	const kpis = (await getList(config, `/kpi/${encodeURIComponent(request.kpi)}`, 'Kolada KPI')).map(koladaKpiFromObject);
	if (!kpis.some((k) => k.id === request.kpi)) {
		throw new ImportError('unsupported', `Kolada has no KPI with the id ${request.kpi}.`);
	}
	const areaNames = Object.fromEntries(areas.map((a) => [a.id, a.title]));
	const ids = areas.map((a) => encodeURIComponent(a.id)).join(',');
	let next: URL | null = koladaUrl(config, `/data/kpi/${encodeURIComponent(request.kpi)}/municipality/${ids}?per_page=5000`);
	const pages: ImportResult[] = [];
	for (let page = 0; next && page < MAX_PAGES; page++) {
		const document = parseJsonInput(await fetchUpstream(koladaRequest(config, next)), 'Kolada');
		const values = isRecord(document) && Array.isArray(document.values) ? document.values : null;
		if (values?.length === 0) {
			if (pages.length > 0) break;
			throw new ImportError('empty', `Kolada has no values for ${request.kpi} in ${areas.map((a) => a.title).join(', ')}.`);
		}
		pages.push(koladaToIndicators(document, { kpis, areaNames }));
		const link = koladaNextPageUrl(document);
		next = link ? sameOrigin(config, link) : null;
	}
	return mergeImportResults(pages);
}

/** At most this many ids per look-up, as Kolada's id lists are part of the path. */
const NAME_LOOKUP_MAX = 100;

/**
 * Names for the KPI ids and municipality codes of an uploaded Kolada file, from
 * Kolada's registers (`/kpi/{ids}`, `/municipality/{ids}`). Throws like every
 * Kolada call when Kolada cannot be reached; the caller decides what a missing
 * name costs.
 */
export async function lookUpKoladaNames(
	config: IndicatorSourcesConfig,
	codes: { kpiIds: readonly string[]; municipalityCodes: readonly string[] }
): Promise<{ kpis: KoladaKpi[]; areaNames: Record<string, string> }> {
	const ids = (list: readonly string[]) =>
		list
			.filter((id) => /^[A-Za-z0-9]{1,12}$/.test(id))
			.slice(0, NAME_LOOKUP_MAX)
			.map(encodeURIComponent)
			.join(',');
	const kpiIds = ids(codes.kpiIds);
	const areaIds = ids(codes.municipalityCodes.filter((code) => code !== RIKET.id));
	const [kpis, areas] = await Promise.all([
		kpiIds ? getList(config, `/kpi/${kpiIds}`, 'Kolada KPI') : Promise.resolve([]),
		areaIds ? getList(config, `/municipality/${areaIds}`, 'Kolada municipality') : Promise.resolve([])
	]);
	return {
		kpis: kpis.map(koladaKpiFromObject),
		areaNames: Object.fromEntries(areas.map((area) => [String(area.id), String(area.title)]))
	};
}

function koladaUrl(config: IndicatorSourcesConfig, path: string): URL {
	return new URL(`${config.koladaBaseUrl}${path}`);
}

/** Kolada's next-page link must stay on Kolada; anything else ends paging instead of being followed. */
function sameOrigin(config: IndicatorSourcesConfig, link: string): URL | null {
	const url = new URL(link, `${config.koladaBaseUrl}/`);
	return url.origin === new URL(config.koladaBaseUrl).origin ? url : null;
}

function koladaRequest(config: IndicatorSourcesConfig, url: URL) {
	const origin = new URL(config.koladaBaseUrl).origin;
	return {
		url,
		source: 'Kolada',
		timeoutMs: config.timeoutMs,
		maxBytes: config.maxBytes,
		mayFollow: (next: URL) => next.origin === origin
	};
}

async function getList(config: IndicatorSourcesConfig, path: string, what: string): Promise<Record<string, unknown>[]> {
	let bytes: Uint8Array;
	try {
		bytes = await fetchUpstream(koladaRequest(config, koladaUrl(config, path)));
	} catch (error) {
		// Kolada answers 404 for an id it does not know; that is an empty result, not an outage.
		if (error instanceof UpstreamError && error.status === 404) return [];
		throw error;
	}
	const document = parseJsonInput(bytes, what);
	const list = isRecord(document) && Array.isArray(document.values) ? document.values : Array.isArray(document) ? document : null;
	if (!list) throw new ImportError('malformed', `The ${what} response has no "values" list.`);
	return list.filter(isRecord).filter((item) => typeof item.id === 'string' && typeof item.title === 'string');
}
