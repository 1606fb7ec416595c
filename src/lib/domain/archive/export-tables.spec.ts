import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../../../../tests/fixtures/archive/sample-workshop';
import { toCsv } from './csv';
import { exportFileId, exportTables } from './export-tables';
import { buildReportModel } from './report-model';

describe('exportTables', () => {
	const document = sampleDocument();
	const tables = exportTables(document, buildReportModel(document));
	const table = (file: string) => tables.find((t) => t.file === file)!;

	it('makes one table per artefact, three per system map', () => {
		expect(tables.map((t) => t.file)).toEqual([
			'deltagare-per-sektor.csv',
			'samverkan.csv',
			'onskemal.csv',
			'tillganglig-data.csv',
			'luckor.csv',
			'nasta-steg.csv',
			'testa-harnast.csv',
			'systemkarta-helgrupp-faktorer.csv',
			'systemkarta-helgrupp-lankar.csv',
			'systemkarta-helgrupp-loopar.csv',
			'indikatorer.csv',
			'indikatorvarden.csv',
			'lasningar.csv'
		]);
	});

	it('names the plenary map helgrupp in the Swedish file names, never plenary', () => {
		expect(tables.some((t) => t.file.includes('plenary'))).toBe(false);
		expect(exportFileId('plenary')).toBe('helgrupp');
		expect(exportFileId('grupp-2')).toBe('grupp-2');
	});

	it('writes what the report shows, with no hidden card and coded values as codes', () => {
		expect(table('onskemal.csv').rows).toEqual([
			[1, 5, false, '=Trygghet i skolan'],
			[2, 2, true, 'Frånvaro per skola'],
			[2, 2, true, 'Var unga vistas; "efter skolan"']
		]);
		expect(table('tillganglig-data.csv').rows[0]).toEqual([
			'Frånvarostatistik',
			'Skolverket',
			'nationell',
			'utforska, folja-upp',
			null,
			null,
			null,
			'Frånvaro per skola'
		]);
		expect(table('deltagare-per-sektor.csv').rows).toEqual([
			['skola', 2],
			['polis', 1]
		]);
		expect(table('systemkarta-helgrupp-lankar.csv').rows).toContainEqual(['Motivation', 'Skolfrånvaro', 'minus', true, undefined]);
		expect(table('systemkarta-helgrupp-loopar.csv').rows).toEqual([
			['R', 'Skolfrånvaro → Skolresultat → Motivation', 'Frånvarospiralen', 'Den som missar lektioner tappar taget.']
		]);
	});

	it('keeps every indicator value, a missing one as empty, never as 0', () => {
		const csv = toCsv(table('indikatorvarden.csv'));
		expect(csv).toContain('franvaro;0192;Nynäshamn;2024;;14,1;ok;;;\r\n');
		expect(csv).toContain('franvaro;0000;Riket;2024;;;missing;;;\r\n');
	});

	it('adds then against now for a follow-up with new data', () => {
		const followUp = {
			...document,
			followUp: {
				...document.followUp,
				of: { workshopId: 'w0', title: 'Förra', version: 1 },
				baseline: [
					{
						indicatorId: 'franvaro',
						seriesKey: 'franvaro|0192',
						area: { code: '0192', name: 'Nynäshamn' },
						breakdown: {},
						period: '2023',
						value: 12.5
					}
				]
			}
		};
		const withThenNow = exportTables(followUp, buildReportModel(followUp));
		expect(withThenNow.at(-1)).toEqual({
			file: 'da-och-nu.csv',
			header: ['indikator', 'område', 'uppdelning', 'period då', 'värde då', 'period nu', 'värde nu', 'förändring'],
			rows: [['Elever med hög frånvaro', 'Nynäshamn', null, '2023', 12.5, '2024', 14.1, expect.closeTo(1.6)]]
		});
	});
});
