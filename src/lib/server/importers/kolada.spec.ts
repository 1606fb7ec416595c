import { describe, expect, it } from 'vitest';
import { groupIntoSeries, listPeriods, mergeImportResults, summariseImport } from '$lib/domain/indicators';
import { catchImportError, readFixture, readJsonFixture } from '../../../../tests/fixtures/indicators/test-helpers';
import { importKolada, koladaKpiFromObject, koladaNextPageUrl, koladaToIndicators, parseKoladaKpiMetadata } from './kolada';

describe('Kolada importer on a v3-shaped response (N15008, Kungsbacka and riket)', () => {
	const kpis = parseKoladaKpiMetadata(readFixture('kolada-v3-kpi-metadata.json'));
	const result = importKolada(readFixture('kolada-v3-n15008-kungsbacka-riket.json'), {
		kpis,
		areaNames: { '1384': 'Kungsbacka' }
	});
	const [indicator] = result.indicators;

	it('produces 10 observations in 2 series over 5 years, named from the KPI metadata', () => {
		expect(indicator!.id).toBe('N15008');
		expect(indicator!.name).toBe('Kostnad för kommunal grundskola åk 1-9, kr/elev');
		expect(indicator!.observations).toHaveLength(10);
		expect(groupIntoSeries(indicator!.observations).map((s) => [s.area.name, s.area.level, s.observations.length])).toEqual([
			['Kungsbacka', 'kommun', 5],
			['Riket', 'riket', 5]
		]);
		expect(listPeriods(indicator!.observations)).toEqual(['2010', '2011', '2012', '2013', '2014']);
	});

	it('keeps the "Missing" riket value for 2012 as null with status missing', () => {
		const gap = indicator!.observations.find((o) => o.area.code === '0000' && o.period === '2012');
		expect(gap).toMatchObject({ value: null, status: 'missing', breakdown: { kon: 'T' } });
		expect(summariseImport(result).indicators).toEqual([
			{ id: 'N15008', name: 'Kostnad för kommunal grundskola åk 1-9, kr/elev', series: 2, points: 10, missing: 1 }
		]);
	});

	it('coerces the numeric period to a string and keeps unrounded values', () => {
		const first = indicator!.observations[0]!;
		expect(first).toMatchObject({ period: '2010', periodEndYear: 2010, value: 76600.976709, status: 'ok' });
	});

	it('puts the KPI description on the card and attributes Kolada', () => {
		expect(indicator!.meta.definition).toMatch(/^Kostnad totalt för grundskola åk 1-9/);
		expect(indicator!.meta.attribution).toBe('Källa: Kolada (RKA), CC BY 4.0');
	});
});

describe('Kolada importer on a v2 response (N15428, Tyresö, divided by gender)', () => {
	const result = importKolada(readFixture('kolada-v2-n15428-tyreso.json'));
	const [indicator] = result.indicators;

	it('produces one observation per gender value and names the KPI by its id without metadata', () => {
		expect(indicator!.name).toBe('N15428');
		expect(indicator!.observations.map((o) => [o.area.code, o.period, o.breakdown.kon, o.value])).toEqual([
			['0138', '2023', 'T', 74.1],
			['0138', '2023', 'K', 77],
			['0138', '2024', 'T', 76.4]
		]);
	});

	it('accepts the period as a string, as v2 documents it', () => {
		const doc = readJsonFixture('kolada-v2-n15428-tyreso.json');
		const values = (doc.values as Record<string, unknown>[]).map((row) => ({ ...row, period: String(row.period) }));
		const [fromStrings] = koladaToIndicators({ ...doc, values }).indicators;
		expect(fromStrings!.observations.map((o) => o.period)).toEqual(['2023', '2023', '2024']);
	});

	it('skips values flagged isdeleted with a warning', () => {
		const doc = readJsonFixture('kolada-v2-n15428-tyreso.json');
		const [first, second] = doc.values as { values: Record<string, unknown>[] }[];
		const values = [{ ...first, values: [{ ...first!.values[0], isdeleted: true }, first!.values[1]] }, second];
		const changed = koladaToIndicators({ ...doc, values });
		expect(changed.indicators[0]!.observations).toHaveLength(2);
		expect(changed.warnings).toEqual(['1 Kolada values marked as deleted (isdeleted) were skipped.']);
	});
});

describe('Kolada paging', () => {
	it('returns the next page URL from next_url (v3) or next_page (v2), and null on the last page', () => {
		const url = 'https://api.kolada.se/v3/data/kpi/N15008/municipality/1384,0000?page=2';
		expect(koladaNextPageUrl({ values: [], next_url: url })).toBe(url);
		expect(koladaNextPageUrl({ values: [], next_page: url })).toBe(url);
		expect(koladaNextPageUrl(readJsonFixture('kolada-v3-n15008-kungsbacka-riket.json'))).toBeNull();
		expect(koladaNextPageUrl({ values: [], next_page: '' })).toBeNull();
		expect(koladaNextPageUrl('not an object')).toBeNull();
	});

	it('merges pages into one indicator without renaming it', () => {
		const doc = readJsonFixture('kolada-v3-n15008-kungsbacka-riket.json');
		const rows = doc.values as unknown[];
		const pages = [rows.slice(0, 5), rows.slice(5)].map((values) => koladaToIndicators({ values }));
		const merged = mergeImportResults(pages);
		expect(merged.indicators).toHaveLength(1);
		expect(merged.indicators[0]!.observations).toHaveLength(10);
	});
});

describe('Kolada KPI metadata', () => {
	it('reads id, title, description and Kolada fields, with is_divided_by_gender false as "false"', () => {
		const [, n00022] = parseKoladaKpiMetadata(readFixture('kolada-v3-kpi-metadata.json'));
		expect(n00022).toMatchObject({
			id: 'N00022',
			name: 'Kostnadsutjämningsnetto förskola och skolbarnsomsorg, kr/inv 1 nov fg år',
			sourceDetails: {
				operating_area: 'Kommunen, övergripande',
				perspective: 'Resurser',
				municipality_type: 'K',
				is_divided_by_gender: 'false',
				has_ou_data: 'false',
				publ_period: '2026'
			}
		});
		expect(n00022!.sourceDetails.auspice).toBeUndefined();
		expect(n00022!.meta.definition).toMatch(/standardkostnad/);
	});

	it('accepts the source field spelled auspice or auspices and the gender flag as 0/1 or boolean', () => {
		const doc = readJsonFixture('kolada-v3-kpi-metadata.json');
		const base = (doc.values as Record<string, unknown>[])[1]!;
		expect(koladaKpiFromObject({ ...base, auspice: 'E', is_divided_by_gender: 1 }).sourceDetails).toMatchObject({
			auspice: 'E',
			is_divided_by_gender: 'true'
		});
		expect(koladaKpiFromObject({ ...base, auspice: undefined, auspices: 'X', is_divided_by_gender: 0 }).sourceDetails).toMatchObject({
			auspice: 'X',
			is_divided_by_gender: 'false'
		});
		expect(koladaKpiFromObject({ ...base, is_divided_by_gender: true }).sourceDetails.is_divided_by_gender).toBe('true');
	});
});

describe('Kolada importer on malformed input', () => {
	it('refuses truncated JSON and a response without values', async () => {
		const text = new TextDecoder().decode(readFixture('kolada-v3-n15008-kungsbacka-riket.json'));
		expect(await catchImportError(() => importKolada(text.slice(0, 300)))).toMatchObject({ code: 'malformed' });
		expect(await catchImportError(() => koladaToIndicators({ count: 0 }))).toMatchObject({ code: 'malformed' });
	});

	it('reports an empty values list as empty and KPI metadata as not data', async () => {
		expect(await catchImportError(() => koladaToIndicators({ values: [], next_url: null }))).toMatchObject({ code: 'empty' });
		const metadata = readJsonFixture('kolada-v3-kpi-metadata.json');
		expect(await catchImportError(() => koladaToIndicators(metadata))).toMatchObject({ code: 'unsupported' });
	});
});
