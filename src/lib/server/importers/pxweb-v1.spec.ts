import { describe, expect, it } from 'vitest';
import { listBreakdowns, listPeriods } from '$lib/domain/indicators';
import { catchImportError, readFixture, readJsonFixture } from '../../../../tests/fixtures/indicators/test-helpers';
import { importPxWebV1, pxWebV1LabelsFromMetadata, pxWebV1ToIndicators } from './pxweb-v1';

describe('PxWeb v1 importer on SCB responses', () => {
	it('reads a region × year table: four years of riket, string values parsed as numbers', () => {
		const result = importPxWebV1(readFixture('scb-v1-befolkningny-region-alder-en.json'));
		const [indicator] = result.indicators;
		expect(result.indicators).toHaveLength(1);
		expect(indicator!.id).toBe('BE0101N1');
		expect(indicator!.name).toBe('Population');
		expect(indicator!.meta.attribution).toBe('Källa: SCB');
		expect(indicator!.observations.map((o) => [o.area.code, o.area.name, o.area.level, o.period, o.value])).toEqual([
			['00', 'Riket', 'riket', '2016', 9995153],
			['00', 'Riket', 'riket', '2017', 10120242],
			['00', 'Riket', 'riket', '2018', 10230185],
			['00', 'Riket', 'riket', '2019', 10327589]
		]);
		expect(indicator!.observations.every((o) => o.breakdown.alder === 'tot')).toBe(true);
		expect(result.warnings).toEqual([]);
	});

	it('reads 12 rows of civilstånd × year, keeping Swedish codes such as ÄNKL, and warns that there is no region column', () => {
		const result = importPxWebV1(readFixture('scb-v1-befolkningny-civilstand.json'), { idPrefix: 'BE0101A/BefolkningNy' });
		const [indicator] = result.indicators;
		expect(indicator!.id).toBe('BE0101A/BefolkningNy:BE0101N1');
		expect(indicator!.observations).toHaveLength(12);
		expect(listPeriods(indicator!.observations)).toEqual(['2015', '2016', '2017']);
		expect(listBreakdowns(indicator!.observations)).toEqual({ civilstand: ['OG', 'G', 'SK', 'ÄNKL'] });
		expect(indicator!.observations.find((o) => o.breakdown.civilstand === 'ÄNKL' && o.period === '2017')?.value).toBe(435643);
		expect(result.warnings.join(' ')).toMatch(/no region column/);
		expect(indicator!.sourceDetails).toEqual({
			label: 'Folkmängd efter civilstånd, år och tabellinnehåll',
			updated: '2025-02-21T07:00:00Z',
			infofile: 'BE0101'
		});
	});

	it('maps the sex code "1" of a Kon column to M, and names areas from table metadata when given', () => {
		const labels = pxWebV1LabelsFromMetadata({
			title: 'Folkmängd',
			variables: [{ code: 'Region', text: 'region', values: ['00'], valueTexts: ['Riket'] }]
		});
		const [indicator] = importPxWebV1(readFixture('scb-v1-befolkningny-region-kon.json'), { labels }).indicators;
		expect(indicator!.observations).toEqual([
			{
				indicatorId: 'BE0101N1',
				area: { code: '00', name: 'Riket', level: 'riket' },
				period: '2024',
				periodEndYear: 2024,
				breakdown: { civilstand: 'OG', alder: '0', kon: 'M' },
				value: 50937,
				status: 'ok'
			}
		]);
	});

	it('keeps "..", "-" and "" as missing values, never 0', () => {
		const doc = readJsonFixture('scb-v1-befolkningny-civilstand.json');
		const data = (doc.data as { key: string[]; values: string[] }[]).map((row, i) => ({
			...row,
			values: i === 0 ? ['..'] : i === 1 ? ['-'] : i === 2 ? [''] : row.values
		}));
		const [indicator] = pxWebV1ToIndicators({ ...doc, data }).indicators;
		const missing = indicator!.observations.filter((o) => o.value === null);
		expect(missing.map((o) => o.period)).toEqual(['2015', '2016', '2017']);
		expect(missing.every((o) => o.status === 'missing')).toBe(true);
		expect(indicator!.observations.filter((o) => o.value === 0)).toEqual([]);
	});

	it('reads Folkhälsodata conventions: rolling period "2021-2024" ends in 2024, sex codes 00/01/02 become T/M/K', () => {
		const doc = readJsonFixture('scb-v1-befolkningny-region-kon.json');
		const row = (doc.data as { key: string[]; values: string[] }[])[0]!;
		const data = ['00', '01', '02'].map((sex) => ({ ...row, key: ['00', 'OG', '0', sex, '2021-2024'] }));
		const [indicator] = pxWebV1ToIndicators({ ...doc, data }).indicators;
		expect(indicator!.observations.map((o) => [o.breakdown.kon, o.period, o.periodEndYear])).toEqual([
			['T', '2021-2024', 2024],
			['M', '2021-2024', 2024],
			['K', '2021-2024', 2024]
		]);
	});
});

describe('PxWeb v1 importer on malformed input', () => {
	it('refuses a response without columns or data as malformed', async () => {
		expect(await catchImportError(() => pxWebV1ToIndicators({ data: [] }))).toMatchObject({ code: 'malformed' });
	});

	it('refuses a row whose key does not match the columns, naming the row', async () => {
		const doc = readJsonFixture('scb-v1-befolkningny-civilstand.json');
		const data = [{ key: ['OG'], values: ['5157443'] }];
		const error = await catchImportError(() => pxWebV1ToIndicators({ ...doc, data }));
		expect(error.code).toBe('malformed');
		expect(error.message).toMatch(/row 1 has 1 keys/);
	});

	it('reports an empty data list as empty', async () => {
		const doc = readJsonFixture('scb-v1-befolkningny-civilstand.json');
		expect(await catchImportError(() => pxWebV1ToIndicators({ ...doc, data: [] }))).toMatchObject({ code: 'empty' });
	});
});
