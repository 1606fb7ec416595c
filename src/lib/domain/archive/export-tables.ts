import { PLENARY_MAP_ID } from './snapshot';
import type { CsvTable } from './csv';
import type { ReportModel } from './report-model';
import type { ArchiveDocument } from './schema';

/**
 * One CSV table per artefact of a workshop, for the export ZIP. Column names
 * are Swedish like the workshop itself; coded values (sector, level, use,
 * status) stay as their codes, which are Swedish words already and what an
 * analyst would filter on. Built from the report model so the spreadsheet shows
 * exactly what the report shows (no hidden cards, no names), plus the raw
 * indicator values and the maps' factors and links.
 */
export function exportTables(document: ArchiveDocument, report: ReportModel): CsvTable[] {
	const tables: CsvTable[] = [
		{
			file: 'deltagare-per-sektor.csv',
			header: ['sektor', 'antal'],
			rows: report.participants.bySector.map((row) => [row.sector, row.count])
		},
		{ file: 'samverkan.csv', header: ['samverkan'], rows: report.collaborators.map((text) => [text]) },
		{
			file: 'onskemal.csv',
			header: ['rang', 'prickar', 'delad placering', 'önskemål'],
			rows: report.wishes.map((wish) => [wish.rank, wish.votes, wish.rank === null ? null : wish.tied, wish.text])
		},
		{
			file: 'tillganglig-data.csv',
			header: ['data', 'källa eller dataägare', 'nivå', 'användning', 'frekvens', 'jämförbarhet', 'länk', 'svarar på'],
			rows: report.available.map((row) => [
				row.text,
				row.source,
				row.level,
				row.uses.join(', '),
				row.frequency,
				row.comparability,
				row.url,
				row.answers.join(' | ')
			])
		},
		{
			file: 'luckor.csv',
			header: ['önskemål', 'föreslagen dataägare'],
			rows: report.gaps.map((gap) => [gap.text, gap.proposedDataOwner])
		},
		{
			file: 'nasta-steg.csv',
			header: ['nästa steg', 'typ', 'ansvarig', 'datum', 'uppföljning', 'kommentar'],
			rows: report.nextSteps.map((step) => [step.text, step.prompt, step.owner, step.due, step.status, step.note || null])
		},
		{ file: 'testa-harnast.csv', header: ['testa härnäst', 'sektor'], rows: report.testNext.map((item) => [item.text, item.sector]) },
		...document.maps.filter((map) => map.factors.length > 0).flatMap(mapTables),
		{
			file: 'indikatorer.csv',
			header: [
				'id',
				'namn',
				'mål',
				'delmål',
				'typ',
				'nivå',
				'definition',
				'syfte',
				'risk för feltolkning',
				'målgrupp',
				'datakälla',
				'frekvens',
				'enhet',
				'källhänvisning',
				'licens',
				'dataägare',
				'användning'
			],
			rows: document.indicators.map(({ id, meta }) => [
				id,
				meta.namn,
				meta.mal,
				meta.delmal,
				meta.typ,
				meta.niva,
				meta.definition,
				meta.syfte,
				meta.riskForFeltolkning,
				meta.malgrupp,
				meta.datakalla,
				meta.frekvens,
				meta.unit,
				meta.attribution,
				meta.licence,
				meta.dataOwner,
				meta.kindOfUse
			])
		},
		{
			file: 'indikatorvarden.csv',
			header: ['indikator', 'områdeskod', 'område', 'period', 'uppdelning', 'värde', 'status', 'ki nedre', 'ki övre', 'antal svar'],
			rows: document.indicators.flatMap((indicator) =>
				(indicator.data?.observations ?? []).map((o) => [
					indicator.id,
					o.area.code,
					o.area.name,
					o.period,
					breakdownText(o.breakdown),
					o.value,
					o.status,
					o.ciLower,
					o.ciUpper,
					o.n
				])
			)
		},
		{
			file: 'lasningar.csv',
			header: ['indikator', 'sektor', 'läsning', 'område', 'period', 'uppdelning', 'skriven'],
			rows: document.readings.map((r) => [
				r.indicatorId,
				r.sector,
				r.text,
				r.point?.area,
				r.point?.period,
				r.point ? breakdownText(r.point.breakdown) : null,
				r.createdAt
			])
		}
	];
	if (report.thenAndNow.length > 0) {
		tables.push({
			file: 'da-och-nu.csv',
			header: ['indikator', 'område', 'uppdelning', 'period då', 'värde då', 'period nu', 'värde nu', 'förändring'],
			rows: report.thenAndNow.flatMap((indicator) =>
				indicator.series.map((s) => [
					indicator.name,
					s.area.name,
					breakdownText(s.breakdown),
					s.then.period,
					s.then.value,
					s.now.period,
					s.now.value,
					s.change
				])
			)
		});
	}
	return tables;
}

function mapTables(map: ArchiveDocument['maps'][number]): CsvTable[] {
	const labels = new Map(map.factors.map((factor) => [factor.id, factor.label]));
	const prefix = `systemkarta-${exportFileId(map.mapId)}`;
	return [
		{
			file: `${prefix}-faktorer.csv`,
			header: ['id', 'namn', 'typ', 'risk eller skydd', 'preventionsnivå', 'anteckning', 'indikator', 'sektor', 'x', 'y'],
			rows: map.factors.map((f) => [f.id, f.label, f.kind, f.tag, f.level, f.note, f.indicatorId, f.proposedBySector, f.x, f.y])
		},
		{
			file: `${prefix}-lankar.csv`,
			header: ['från', 'till', 'polaritet', 'fördröjning', 'etikett'],
			rows: map.links.map((l) => [labels.get(l.from), labels.get(l.to), l.polarity === '+' ? 'plus' : 'minus', l.delay ?? false, l.label])
		},
		{
			file: `${prefix}-loopar.csv`,
			header: ['typ', 'faktorer', 'namn', 'berättelse'],
			rows: map.loops.map((loop) => [loop.kind, loop.factors.map((id) => labels.get(id) ?? id).join(' → '), loop.name, loop.story])
		}
	];
}

function breakdownText(breakdown: Record<string, string>): string | null {
	const pairs = Object.entries(breakdown).map(([key, value]) => `${key}=${value}`);
	return pairs.length > 0 ? pairs.join(', ') : null;
}

/** A map's name in the export's (Swedish) file names: the plenary map is `helgrupp`. */
export function exportFileId(mapId: string): string {
	return mapId === PLENARY_MAP_ID ? 'helgrupp' : mapId;
}
