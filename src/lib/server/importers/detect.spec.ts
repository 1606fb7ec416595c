import { describe, expect, it } from 'vitest';
import { summariseImport } from '$lib/domain/indicators';
import { catchImportError, readFixture } from '../../../../tests/fixtures/indicators/test-helpers';
import { DEFAULT_MAX_IMPORT_BYTES, detectFormat, importIndicators } from './detect';

describe('Detecting the format from the content', () => {
	it.each([
		['scb-v2-tab6471-folkmangd-manad.json', 'jsonstat2'],
		['fohm-jsonstat2-mobbning.json', 'jsonstat2'],
		['scb-v1-jsonstat1-befolkningny-kon.json', 'jsonstat2'],
		['scb-v1-befolkningny-civilstand.json', 'pxweb'],
		['kolada-v3-n15008-kungsbacka-riket.json', 'kolada'],
		['kolada-v2-n15428-tyreso.json', 'kolada'],
		['seed003-stadsdelsfakta.xlsx', 'xlsx'],
		['seed003-stadsdelsfakta.csv', 'csv'],
		['seed003-medelinkomst-latin1.csv', 'csv']
	])('recognises %s as %s', (name, format) => {
		expect(detectFormat(readFixture(name))).toBe(format);
	});

	it('refuses JSON of an unknown shape as unsupported and broken JSON as malformed', async () => {
		expect(await catchImportError(() => detectFormat('{"hello": "world"}'))).toMatchObject({ code: 'unsupported' });
		expect(await catchImportError(() => detectFormat('{"values": [{"kpi": "N1'))).toMatchObject({ code: 'malformed' });
	});
});

describe('importIndicators', () => {
	it('imports every fixture format through the one entry point', async () => {
		const summaries = await Promise.all(
			[
				'scb-v2-tab6471-folkmangd-manad.json',
				'scb-v1-befolkningny-region-alder-en.json',
				'kolada-v3-n15008-kungsbacka-riket.json',
				'seed003-medelinkomst-latin1.csv'
			].map(async (name) => summariseImport(await importIndicators(readFixture(name))).indicators[0])
		);
		expect(summaries).toEqual([
			{ id: 'TAB6471:000007SF', name: 'Folkmängden per månad', series: 12, points: 48, missing: 0 },
			{ id: 'BE0101N1', name: 'Population', series: 1, points: 4, missing: 0 },
			{ id: 'N15008', name: 'N15008', series: 2, points: 10, missing: 1 },
			{ id: 'medelinkomst-kr', name: 'Medelinkomst (kr)', series: 2, points: 2, missing: 0 }
		]);
	});

	it('uses a given mapping for XLSX and CSV instead of guessing', async () => {
		const mapping = {
			indicator: { column: 'Indikator' },
			area: 'Stadsdelsområde',
			period: { fixed: 'ej angivet' },
			value: 'Värde',
			unit: 'Enhet'
		};
		const fromXlsx = await importIndicators(readFixture('seed003-stadsdelsfakta.xlsx'), { mapping });
		const fromCsv = await importIndicators(readFixture('seed003-stadsdelsfakta.csv'), { mapping });
		expect(fromXlsx.indicators.map((i) => i.observations.map((o) => o.value))).toEqual(
			fromCsv.indicators.map((i) => i.observations.map((o) => o.value))
		);
	});

	it('fails with a message naming the missing column when a CSV cannot be mapped automatically', async () => {
		const error = await catchImportError(() => importIndicators(readFixture('seed003-stadsdelsfakta.csv')));
		expect(error.code).toBe('unsupported');
		expect(error.message).toMatch(/found no period column \(År, Period, Tid, Year\) among "Stadsdelsområde"/);
	});

	it('honours a format override', async () => {
		const result = await importIndicators(readFixture('seed003-medelinkomst-latin1.csv'), { format: 'csv' });
		expect(result.indicators).toHaveLength(1);
		const forced = await catchImportError(() => importIndicators(readFixture('seed003-medelinkomst-latin1.csv'), { format: 'kolada' }));
		expect(forced).toMatchObject({ code: 'malformed' });
	});

	it('rejects a 50 MB buffer as too_large before parsing it', async () => {
		// How fast the refusal is, is measured in detect.bench.ts.
		const huge = Buffer.alloc(50 * 1024 * 1024);
		const error = await catchImportError(() => importIndicators(huge));
		expect(error.code).toBe('too_large');
		expect(error.message).toBe('The file (50 MB) is larger than the import limit of 10 MB.');
		expect(DEFAULT_MAX_IMPORT_BYTES).toBe(10 * 1024 * 1024);
	});

	it('applies a custom limit, and reports empty input as empty', async () => {
		const limited = await catchImportError(() => importIndicators(readFixture('kolada-v2-n15428-tyreso.json'), { maxBytes: 100 }));
		expect(limited).toMatchObject({ code: 'too_large' });
		expect(await catchImportError(() => importIndicators(new Uint8Array()))).toMatchObject({ code: 'empty' });
		expect(await catchImportError(() => importIndicators('  \n'))).toMatchObject({ code: 'empty' });
	});
});
