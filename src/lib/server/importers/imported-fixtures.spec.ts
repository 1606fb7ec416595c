import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Observation } from '$lib/domain/indicators';
import { IMPORTED_FIXTURES, readFixture, readImportedObservations } from '../../../../tests/fixtures/indicators/read-fixture';
import { readCsvTable } from './csv';
import { importKolada } from './kolada';
import { mapColumns } from './table-mapping';

/**
 * UI and chart tests read the importers' output from tests/fixtures/indicators/imported/
 * instead of running the importers (browser code must not import server code).
 * This keeps those files honest: run with UPDATE_IMPORTED_FIXTURES=1 to rewrite them.
 */
const produced: Record<keyof typeof IMPORTED_FIXTURES, () => Observation[]> = {
	n15008: () =>
		importKolada(readFixture('kolada-v3-n15008-kungsbacka-riket.json'), { areaNames: { '1384': 'Kungsbacka' } }).indicators[0]!
			.observations,
	n15428: () => importKolada(readFixture('kolada-v2-n15428-tyreso.json')).indicators[0]!.observations,
	behorighet: () =>
		mapColumns(readCsvTable(readFixture('seed003-stadsdelsfakta.csv')), {
			indicator: { column: 'Indikator' },
			area: 'Stadsdelsområde',
			period: { fixed: 'ej angivet' },
			value: 'Värde'
		}).indicators.find((i) => i.name === 'Behörighet till gymnasieskolan')!.observations
};

describe('imported fixtures for UI tests', () => {
	it.each(Object.keys(produced) as (keyof typeof IMPORTED_FIXTURES)[])('%s is what the importer produces', (name) => {
		const observations = produced[name]();
		if (process.env.UPDATE_IMPORTED_FIXTURES === '1') {
			writeFileSync(
				new URL(`../../../../tests/fixtures/indicators/${IMPORTED_FIXTURES[name]}`, import.meta.url),
				JSON.stringify(observations, null, '\t') + '\n'
			);
		}
		expect(readImportedObservations(name)).toEqual(JSON.parse(JSON.stringify(observations)));
	});
});
