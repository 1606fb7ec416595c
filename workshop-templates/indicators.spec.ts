import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	demoIndicatorSetSchema,
	groupIntoSeries,
	indicatorCatalogueSchema,
	parseTypeCell,
	summariseImport
} from '../src/lib/domain/indicators';

const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));

describe("Stockholm's indicator catalogue (seed 003)", () => {
	const catalogue = indicatorCatalogueSchema.parse(readJson('indicator-catalogue-stockholm.json'));

	it("holds all 32 rows of the three tables, three of them the template's example rows", () => {
		expect(catalogue.entries).toHaveLength(32);
		expect(catalogue.entries.filter((e) => e.exempel).map((e) => e.id)).toEqual(['exempel-H1', 'exempel-H2', 'exempel-H3']);
	});

	it('keeps source order and gives every row a unique id', () => {
		const lines = catalogue.entries.map((e) => e.sourceLine);
		expect(lines).toEqual([...lines].sort((a, b) => a - b));
		expect(new Set(catalogue.entries.map((e) => e.id)).size).toBe(catalogue.entries.length);
	});

	it('reads typ and nivå only from the Typ cell as written', () => {
		for (const entry of catalogue.entries) {
			const parsed = parseTypeCell(entry.typText);
			expect(entry.typ).toBe(parsed.typ);
			expect(entry.niva).toBe(parsed.niva);
		}
		expect(catalogue.entries.find((e) => e.id === 'I.1.1.a')).toMatchObject({ typ: 'prestation', niva: 'taktisk' });
		expect(catalogue.entries.find((e) => e.id === 'I.3.1.b')).toMatchObject({ typ: 'utfall', niva: 'operativ' });
	});

	it('places Datakälla and Målgrupp by the headers of each table, which swap order in the H.3 table', () => {
		expect(catalogue.entries.find((e) => e.id === 'I.3.1.a')).toMatchObject({ datakalla: 'NUSO', malgrupp: 'BoU/Familj' });
		expect(catalogue.entries.find((e) => e.id === 'I.1.1.a')).toMatchObject({ datakalla: 'DEBI', malgrupp: 'Alla' });
	});

	it('gives every real indicator (not example, not placeholder) a goal, sub-goal and type', () => {
		const real = catalogue.entries.filter((e) => !e.exempel && e.id.startsWith('I.'));
		expect(real).toHaveLength(25);
		for (const entry of real) {
			expect(entry.mal).toMatch(/^H\.\d /);
			expect(entry.delmal).toMatch(/^D\.\d\.\d /);
			expect(entry.typ).toBeDefined();
		}
	});

	it('carries no markup from the source document', () => {
		expect(JSON.stringify(catalogue.entries)).not.toMatch(/<\/?[a-z]+>/);
	});
});

describe("the follow-up model's framework (seed 003): resource, implementation and outcome indicators with qualitative questions", () => {
	const catalogue = indicatorCatalogueSchema.parse(readJson('indicator-catalogue-uppfoljningsmodell.json'));

	it('holds every indicator and question for the intervention and for the seven ways of working, in source order', () => {
		expect(catalogue.entries).toHaveLength(33);
		for (const mal of ['Uppföljning av insatsen Flexibelt socialt stöd', 'Uppföljning av de samlade sju arbetssätten']) {
			const parts = [...new Set(catalogue.entries.filter((e) => e.mal === mal).map((e) => e.delmal))];
			expect(parts).toEqual([
				'Resursindikatorer',
				'Genomförandeindikatorer',
				'Utfallsindikatorer',
				'Kvalitativa frågor för att analysera implementering'
			]);
		}
		const lines = catalogue.entries.map((e) => e.sourceLine);
		expect(lines).toEqual([...lines].sort((a, b) => a - b));
		expect(new Set(catalogue.entries.map((e) => e.id)).size).toBe(catalogue.entries.length);
	});

	it('types implementation indicators as prestation and outcome indicators as utfall, and nothing else', () => {
		expect(catalogue.entries.filter((e) => e.typ === 'prestation').every((e) => e.delmal === 'Genomförandeindikatorer')).toBe(true);
		expect(catalogue.entries.filter((e) => e.typ === 'utfall').every((e) => e.delmal === 'Utfallsindikatorer')).toBe(true);
		expect(catalogue.entries.filter((e) => e.delmal === 'Resursindikatorer').every((e) => e.typ === undefined)).toBe(true);
	});
});

describe('demo indicator set (seed 002 and 003 figures only)', () => {
	const demo = demoIndicatorSetSchema.parse(readJson('demo-indicators.json'));

	it('validates and gives every indicator a card with a risk of misreading', () => {
		expect(demo.indicators.length).toBeGreaterThanOrEqual(7);
		for (const indicator of demo.indicators) {
			expect(indicator.meta.riskForFeltolkning.length).toBeGreaterThan(20);
			expect(indicator.meta.attribution).toMatch(/^Källa: /);
		}
	});

	it('cites, for every value, a source line whose quoted words contain that value as written in Swedish', () => {
		for (const indicator of demo.indicators) {
			for (const observation of indicator.observations) {
				expect(observation.indicatorId).toBe(indicator.id);
				const written = String(observation.value).replace('.', ',');
				expect(observation.source.quote.replace(/\s/g, '')).toContain(written);
				expect(observation.source.document).toMatch(/^seeds\/00[0-4]_[0-9a-f]{16}\.txt$/);
			}
		}
	});

	it('compares the two districts on every seed 003 indicator, with one series per district', () => {
		const districtIndicators = demo.indicators.filter((i) => i.observations.every((o) => o.area.level === 'stadsdelsomrade'));
		expect(districtIndicators).toHaveLength(7);
		const summary = summariseImport({ indicators: districtIndicators.map((i) => ({ ...i })), warnings: [] });
		expect(summary.indicators.every((s) => s.series === 2 && s.points === 2 && s.missing === 0)).toBe(true);
		for (const indicator of districtIndicators) {
			expect(groupIntoSeries(indicator.observations).map((s) => s.area.name)).toEqual(['Enskede-Årsta-Vantör', 'Södermalm']);
		}
	});

	it('explains the period whenever the source gives no reference year', () => {
		for (const indicator of demo.indicators) {
			const undated = indicator.observations.some((o) => o.periodEndYear === undefined);
			if (undated) expect(indicator.periodNote).toMatch(/anger inte|inget referensår/);
		}
	});
});
