import { describe, expect, it } from 'vitest';
import { groupIntoSeries, listAreas, listBreakdowns, listPeriods } from '$lib/domain/indicators';
import { catchImportError, readFixture, readJsonFixture } from '../../../../tests/fixtures/indicators/test-helpers';
import { ImportError } from './import-error';
import { importJsonStat2, jsonStat2ToIndicators } from './jsonstat2';

describe('JSON-stat 2 importer on SCB PxWebApi 2 (TAB6471, trimmed)', () => {
	const result = importJsonStat2(readFixture('scb-v2-tab6471-folkmangd-manad.json'));
	const [indicator] = result.indicators;

	it('turns the one contents code into one indicator named by its label, with unit and SCB attribution', () => {
		expect(result.indicators).toHaveLength(1);
		expect(indicator!.id).toBe('TAB6471:000007SF');
		expect(indicator!.name).toBe('Folkmängden per månad');
		expect(indicator!.unit).toBe('antal');
		expect(indicator!.meta.attribution).toBe('Källa: SCB');
		expect(indicator!.meta.licence).toBe('CC0 1.0');
		expect(indicator!.sourceDetails).toMatchObject({ tableid: 'TAB6471', measuringType: 'Stock', refperiod: 'Respektive månad' });
	});

	it('produces one observation per cell: 2 regions × 2 age groups × 3 sexes × 4 months', () => {
		expect(indicator!.observations).toHaveLength(48);
		expect(listAreas(indicator!.observations)).toEqual([
			{ code: '01', name: 'Stockholms län', level: 'lan' },
			{ code: '03', name: 'Uppsala län', level: 'lan' }
		]);
		expect(listPeriods(indicator!.observations)).toEqual(['2026M01', '2026M02', '2026M03', '2026M04']);
		expect(listBreakdowns(indicator!.observations)).toEqual({ alder: ['0-9', '10-19'], kon: ['T', 'M', 'K'] });
		expect(groupIntoSeries(indicator!.observations)).toHaveLength(12);
	});

	it('reads the row-major value order correctly (last dimension, Tid, varies fastest)', () => {
		const find = (area: string, alder: string, kon: string, period: string) =>
			indicator!.observations.find(
				(o) => o.area.code === area && o.breakdown.alder === alder && o.breakdown.kon === kon && o.period === period
			);
		expect(find('01', '0-9', 'T', '2026M01')?.value).toBe(245284);
		expect(find('01', '0-9', 'T', '2026M04')?.value).toBe(251635);
		expect(find('01', '0-9', 'M', '2026M01')?.value).toBe(125373);
		expect(find('01', '10-19', 'K', '2026M04')?.value).toBe(144005);
		expect(find('03', '0-9', 'T', '2026M01')?.value).toBe(38987);
		expect(find('03', '10-19', 'K', '2026M04')?.value).toBe(23486);
		expect(find('03', '10-19', 'K', '2026M04')?.periodEndYear).toBe(2026);
	});

	it('maps SCB sex codes TotSa/1/2 to T/M/K and keeps their labels for the UI', () => {
		expect(indicator!.dimensions?.kon).toEqual({
			label: 'kön',
			categories: { T: 'totalt, samtliga män och kvinnor', M: 'män', K: 'kvinnor' }
		});
	});

	it('folds a dimension of estimate and number of answers into one observation with n', () => {
		// The age categories are relabelled only to exercise the folding; the numbers stay SCB's and are not shares.
		const doc = readJsonFixture('scb-v2-tab6471-folkmangd-manad.json');
		const dimension = doc.dimension as Record<string, { category: Record<string, unknown> }>;
		const alder = dimension.Alder!;
		const relabelled = {
			...doc,
			dimension: {
				...dimension,
				Alder: { ...alder, category: { ...alder.category, label: { '0-9': 'Andel', '10-19': 'Antal svar' } } }
			}
		};
		const [folded] = jsonStat2ToIndicators(relabelled).indicators;
		expect(folded!.observations).toHaveLength(24);
		expect(folded!.dimensions).not.toHaveProperty('alder');
		expect(folded!.observations[0]).toMatchObject({ breakdown: { kon: 'T' }, value: 245284, n: 297856, period: '2026M01' });
	});

	it('keeps a null cell and a cell flagged ".." as missing rather than 0', () => {
		const doc = readJsonFixture('scb-v2-tab6471-folkmangd-manad.json');
		const values = [...(doc.value as number[])] as (number | null)[];
		values[0] = null;
		const variant = { ...doc, value: values, status: { '1': '..' } };
		const [changed] = jsonStat2ToIndicators(variant).indicators;
		const missing = changed!.observations.filter((o) => o.value === null);
		expect(missing).toHaveLength(2);
		expect(missing.every((o) => o.status === 'missing')).toBe(true);
		expect(missing.map((o) => o.period)).toEqual(['2026M01', '2026M02']);
	});
});

describe('JSON-stat 2 importer on a one-cell SCB response for riket (TAB638)', () => {
	const [indicator] = importJsonStat2(readFixture('scb-v2-tab638-folkmangd-riket.json')).indicators;

	it('names the area Riket at level riket and keeps the size-1 dimensions as breakdowns', () => {
		expect(indicator!.observations).toEqual([
			{
				indicatorId: 'TAB638:BE0101N1',
				area: { code: '00', name: 'Riket', level: 'riket' },
				period: '2024',
				periodEndYear: 2024,
				breakdown: { civilstand: 'OG', alder: '0', kon: 'M' },
				value: 50937,
				status: 'ok'
			}
		]);
		expect(indicator!.unit).toBe('antal personer');
	});
});

describe('JSON-stat 2 importer on a Folkhälsodata response (mobbning, rolling period)', () => {
	const result = importJsonStat2(readFixture('fohm-jsonstat2-mobbning.json'));
	const [indicator] = result.indicators;

	it('names an eliminated-contents table after the dataset and attributes Folkhälsomyndigheten', () => {
		expect(indicator!.name).toBe('Mobbning i skolan efter region, kön, ålder och år');
		expect(indicator!.unit).toBe('procent');
		expect(indicator!.meta.attribution).toBe('Källa: Folkhälsomyndigheten');
		expect(indicator!.meta.licence).toBeUndefined();
	});

	it('reads the two-year window 2021-2022 as period end year 2022 and strips the code from "21 Gävleborgs län"', () => {
		expect(indicator!.observations.map((o) => [o.area.name, o.period, o.periodEndYear, o.breakdown.kon, o.value])).toEqual([
			['Riket', '2021-2022', 2022, 'M', 4],
			['Gävleborgs län', '2021-2022', 2022, 'M', 5]
		]);
		expect(indicator!.observations[1]!.breakdown).toMatchObject({ alder: '13', 'hur-ofta': '2-3 ggr/månad' });
	});
});

describe('JSON-stat 1.0 from PxWeb v1', () => {
	it('reads the { dataset } wrapper and warns that it was converted, and that there is no region dimension', () => {
		const result = importJsonStat2(readFixture('scb-v1-jsonstat1-befolkningny-kon.json'));
		expect(result.indicators[0]!.observations).toMatchObject([
			{ indicatorId: 'TAB638:BE0101N1', period: '2017', breakdown: { kon: 'M' }, value: 5082662, status: 'ok' }
		]);
		expect(result.indicators[0]!.observations[0]!.area.code).toBe('ej-angivet');
		expect(result.warnings.join(' ')).toMatch(/JSON-stat 1\.0/);
		expect(result.warnings.join(' ')).toMatch(/no region dimension/);
	});
});

describe('JSON-stat 2 importer on malformed input', () => {
	const text = new TextDecoder().decode(readFixture('scb-v2-tab6471-folkmangd-manad.json'));

	it('refuses a truncated download as malformed JSON', () => {
		expect(() => importJsonStat2(text.slice(0, 2000))).toThrow(ImportError);
		expect(() => importJsonStat2(text.slice(0, 2000))).toThrow(/not valid JSON/);
	});

	it('refuses a value list that does not match the dimension sizes', async () => {
		const doc = readJsonFixture('scb-v2-tab6471-folkmangd-manad.json');
		const error = await catchImportError(() => jsonStat2ToIndicators({ ...doc, value: (doc.value as number[]).slice(0, 47) }));
		expect(error).toMatchObject({ code: 'malformed' });
		expect(error.message).toMatch(/47 entries but the dimensions describe 48 cells/);
	});

	it('refuses an object that is not a dataset (wrong shape)', async () => {
		expect(await catchImportError(() => jsonStat2ToIndicators({ values: [] }))).toMatchObject({ code: 'malformed' });
		expect(await catchImportError(() => jsonStat2ToIndicators({ version: '2.0', class: 'collection' }))).toMatchObject({
			code: 'unsupported'
		});
	});

	it('refuses a cube without a time dimension, because its values cannot be placed in periods', async () => {
		const doc = readJsonFixture('scb-v1-jsonstat1-befolkningny-kon.json');
		const { dimension } = doc.dataset as { dimension: Record<string, unknown> };
		const withoutTime = {
			version: '2.0',
			class: 'dataset',
			id: ['Kon', 'ContentsCode'],
			size: [1, 1],
			dimension: { Kon: dimension.Kon, ContentsCode: dimension.ContentsCode },
			value: [5082662]
		};
		expect(await catchImportError(() => jsonStat2ToIndicators(withoutTime))).toMatchObject({ code: 'unsupported' });
	});
});
