import { sectorLabel } from '$lib/i18n/sector-label';
import type { TFunction } from 'i18next';
import type { ReportIndicator, ReportMap, ReportModel } from '$lib/domain/archive/report-model';
import { META_FIELDS } from '$lib/domain/indicators/commands';
import type { Lang } from '$lib/i18n/lang';
import { translator } from '$lib/i18n/messages';
import { el, esc } from './markup';
import { REPORT_CSS } from './report-css';
import { indicatorChart } from './report-chart';
import { mapImage } from './report-map';
import { responsesSection } from './report-responses';

export interface ReportOptions {
	lang: Lang;
	now: Date;
}

/**
 * The report as HTML, one `<article class="dd-report">`: goal, theme and
 * question; participants by sector (counts only); collaborators; the wish
 * list by votes; available data; gaps; each system map as an image with its
 * loops; each indicator's chart with its card and readings by sector; then and
 * now for a follow-up; next steps; the reflections and the evaluation; follow-up dates. No scripts, every
 * participant-written text escaped, images inline, so the same markup serves
 * the page, the API and the PDF.
 */
export function renderReport(model: ReportModel, options: ReportOptions): string {
	const t = translator(options.lang);
	const f = formats(options.lang);
	const sections = [
		header(model, t, f),
		questionSection(model, t),
		participantsSection(model, t),
		listSection('collaborators', t, model.collaborators.map(esc), t('archive.report.collaborators.lead')),
		wishesSection(model, t),
		availableSection(model, t),
		gapsSection(model, t),
		mapsSection(model.maps, t),
		indicatorsSection(model.indicators, t, options.lang),
		model.testNext.length > 0 ? testNextSection(model, t) : '',
		model.followUp.of ? thenNowSection(model, t, f) : '',
		nextStepsSection(model, t, f),
		responsesSection(model, t, table),
		followUpSection(model, t, f),
		el('footer', {}, el('p', {}, esc(t('archive.report.footer', { date: f.dateTime(options.now.toISOString()) }))))
	];
	return el('article', { class: 'dd-report', lang: options.lang }, sections.join('\n'));
}

/** A whole HTML page around the report, for the API and the PDF: its own styles, no scripts, nothing external. */
export function reportPage(model: ReportModel, options: ReportOptions): string {
	const t = translator(options.lang);
	return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t('archive.report.pageTitle', { title: model.title }))}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${renderReport(model, options)}
</main>
</body>
</html>
`;
}

interface Formats {
	date: (value: string) => string;
	dateTime: (value: string) => string;
	day: (isoDay: string) => string;
	number: (value: number) => string;
}

function formats(lang: Lang): Formats {
	const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
	const zone = 'Europe/Stockholm';
	const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zone });
	const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone });
	const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
	return {
		date: (value) => date.format(new Date(value)),
		dateTime: (value) => dateTime.format(new Date(value)),
		day: (isoDay) => day.format(new Date(`${isoDay}T00:00:00Z`)),
		number: (value) => number.format(value)
	};
}

function section(id: string, heading: string, body: string): string {
	return el('section', { 'aria-labelledby': `report-${id}`, id: `section-${id}` }, el('h2', { id: `report-${id}` }, esc(heading)) + body);
}

function empty(t: TFunction): string {
	return el('p', { class: 'empty' }, esc(t('archive.report.empty')));
}

/**
 * A table in a region that scrolls sideways on a phone rather than squeezing
 * words apart; focusable, so keyboard users can scroll it too.
 */
function table(label: string, headers: string[], rows: string[][]): string {
	const head = el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, esc(h))).join('')));
	const body = el('tbody', {}, rows.map((row) => el('tr', {}, row.map((cell) => el('td', {}, cell)).join(''))).join(''));
	return el('div', { class: 'scroll', role: 'region', tabindex: 0, 'aria-label': label }, el('table', {}, head + body));
}

function header(model: ReportModel, t: TFunction, f: Formats): string {
	const version =
		model.source.version !== null && model.source.frozenAt
			? t('archive.report.version', { version: model.source.version, date: f.dateTime(model.source.frozenAt) })
			: t('archive.report.draft');
	return el(
		'header',
		{},
		el('p', { class: 'kicker' }, esc(t('archive.report.kicker'))) +
			el('h1', {}, esc(model.title)) +
			el('p', { class: 'meta' }, esc(`${t('archive.report.created', { date: f.date(model.createdAt) })} ${version}`))
	);
}

function questionSection(model: ReportModel, t: TFunction): string {
	const rows: [string, string | null][] = [
		[t('archive.report.question.goal'), model.goal],
		[t('archive.report.question.theme'), model.theme],
		[t('archive.report.question.question'), model.question]
	];
	const list = rows.map(([term, value]) => el('dt', {}, esc(term)) + el('dd', {}, esc(value ?? t('archive.report.notSet')))).join('');
	return section('question', t('archive.report.question.heading'), el('dl', { class: 'facts' }, list));
}

function participantsSection(model: ReportModel, t: TFunction): string {
	const { total, bySector } = model.participants;
	const body =
		el('p', {}, esc(`${t('archive.report.participants.total', { count: total })} ${t('archive.report.participants.privacy')}`)) +
		(bySector.length > 0
			? table(
					t('archive.report.participants.heading'),
					[t('archive.report.participants.sector'), t('archive.report.participants.count')],
					bySector.map((row) => [esc(sectorLabel(t, row.sector)), String(row.count)])
				)
			: '');
	return section('participants', t('archive.report.participants.heading'), body);
}

function listSection(id: 'collaborators', t: TFunction, items: string[], lead: string): string {
	const body =
		el('p', { class: 'lead' }, esc(lead)) + (items.length > 0 ? el('ul', {}, items.map((item) => el('li', {}, item)).join('')) : empty(t));
	return section(id, t(`archive.report.${id}.heading`), body);
}

function testNextSection(model: ReportModel, t: TFunction): string {
	const items = model.testNext.map((item) =>
		el('li', {}, `${esc(item.text)} ${el('span', { class: 'sector' }, esc(`(${sectorLabel(t, item.sector)})`))}`)
	);
	return section(
		'test-next',
		t('archive.report.testNext.heading'),
		el('p', { class: 'lead' }, esc(t('archive.report.testNext.lead'))) + el('ul', {}, items.join(''))
	);
}

function wishesSection(model: ReportModel, t: TFunction): string {
	const ranked = model.wishes.some((wish) => wish.votes !== null);
	const items = model.wishes.map((wish) => {
		const votes =
			wish.votes === null
				? ranked
					? t('archive.report.wishes.notVoted')
					: ''
				: `${t('archive.report.wishes.votes', { count: wish.votes })}${wish.tied ? `, ${t('archive.report.wishes.tied')}` : ''}`;
		return el('li', {}, esc(wish.text) + (votes ? ` ${el('span', { class: 'votes' }, esc(`(${votes})`))}` : ''));
	});
	const lead = t(ranked ? 'archive.report.wishes.ranked' : 'archive.report.wishes.unranked');
	const body = items.length > 0 ? el('p', { class: 'lead' }, esc(lead)) + el('ol', {}, items.join('')) : empty(t);
	return section('wishes', t('archive.report.wishes.heading'), body);
}

function availableSection(model: ReportModel, t: TFunction): string {
	const rows = model.available.map((row) => {
		const details = [row.frequency, row.comparability]
			.filter((v): v is string => !!v)
			.map(esc)
			.join('<br>');
		const data =
			esc(row.text) +
			(row.url ? `<br>${el('span', { class: 'url' }, esc(row.url))}` : '') +
			(details ? `<br>${el('small', {}, details)}` : '');
		return [
			data,
			esc(row.source),
			esc(t(`method.available.levels.${row.level}`)),
			esc(row.uses.map((use) => t(`method.available.uses.${use}`)).join(', ')),
			esc(row.answers.join('; '))
		];
	});
	const headers = ['data', 'source', 'level', 'use', 'answers'].map((key) => t(`archive.report.available.${key}`));
	const heading = t('archive.report.available.heading');
	return section('available', heading, rows.length > 0 ? table(heading, headers, rows) : empty(t));
}

function gapsSection(model: ReportModel, t: TFunction): string {
	const rows = model.gaps.map((gap) => [esc(gap.text), esc(gap.proposedDataOwner ?? t('archive.report.gaps.noOwner'))]);
	const body =
		el('p', { class: 'lead' }, esc(t('archive.report.gaps.lead'))) +
		(rows.length > 0
			? table(t('archive.report.gaps.heading'), [t('archive.report.gaps.wish'), t('archive.report.gaps.owner')], rows)
			: empty(t));
	return section('gaps', t('archive.report.gaps.heading'), body);
}

function mapsSection(maps: ReportMap[], t: TFunction): string {
	const body = maps.length > 0 ? maps.map((map, index) => mapBlock(map, index, t)).join('') : empty(t);
	return section('maps', t('archive.report.maps.heading'), body);
}

function mapBlock({ map, loops }: ReportMap, index: number, t: TFunction): string {
	const title = map.title ?? `${t('archive.report.maps.untitled')} ${index + 1}`;
	const figure = el(
		'figure',
		{ class: 'map' },
		mapImage(map, { title, heading: false }) +
			el('figcaption', {}, esc(t('archive.report.maps.summary', { factors: map.factors.length, links: map.links.length })))
	);
	const loopItems = loops.map((loop) => {
		const name = loop.name ? `${el('strong', {}, esc(loop.name))}: ` : '';
		const story = loop.story ? el('p', { class: 'story' }, esc(loop.story)) : '';
		return el('li', {}, `${name}${esc(t(`archive.report.maps.${loop.kind}`))} (${loop.kind}): ${esc(loop.factors.join(' → '))}${story}`);
	});
	const loopList =
		el('h4', {}, esc(t('archive.report.maps.loops'))) +
		(loopItems.length > 0
			? el('ol', { class: 'loops' }, loopItems.join(''))
			: el('p', { class: 'empty' }, esc(t('archive.report.maps.noLoops')))) +
		(map.loopsTruncated ? el('p', { class: 'note' }, esc(t('archive.report.maps.truncated'))) : '');
	return el('div', { class: 'block', 'data-map': map.mapId }, el('h3', {}, esc(title)) + figure + loopList);
}

function indicatorsSection(indicators: ReportIndicator[], t: TFunction, lang: Lang): string {
	const body = indicators.length > 0 ? indicators.map((item) => indicatorBlock(item, t, lang)).join('') : empty(t);
	return section('indicators', t('archive.report.indicators.heading'), body);
}

function indicatorBlock({ indicator, readings }: ReportIndicator, t: TFunction, lang: Lang): string {
	const chart = indicatorChart(indicator, { t, lang });
	const legend = chart?.legend.length
		? el(
				'ul',
				{ class: 'legend' },
				chart.legend
					.map((item) =>
						el(
							'li',
							{},
							el('span', { class: `swatch${item.dashed ? ' dashed' : ''}`, style: `border-color:${item.colour}`, 'aria-hidden': 'true' }) +
								esc(item.label)
						)
					)
					.join('')
			)
		: '';
	const figure = chart
		? el(
				'figure',
				{ class: 'chart' },
				chart.wide +
					chart.narrow +
					el(
						'figcaption',
						{},
						esc(chart.subtitle) +
							legend +
							(chart.shown ? el('p', { class: 'note' }, esc(t('archive.report.indicators.shown', chart.shown))) : '')
					)
			)
		: el('p', { class: 'empty' }, esc(t('archive.report.indicators.noData')));
	const fields = META_FIELDS.filter((field) => field !== 'namn' && indicator.meta[field]).map((field) => {
		const value = indicator.meta[field]!;
		const shown = field === 'typ' || field === 'niva' || field === 'kindOfUse' ? t(`archive.report.indicators.values.${value}`) : value;
		return el('dt', {}, esc(t(`archive.report.indicators.fields.${field}`))) + el('dd', {}, esc(shown));
	});
	const card =
		fields.length > 0 ? el('h4', {}, esc(t('archive.report.indicators.card'))) + el('dl', { class: 'facts' }, fields.join('')) : '';
	const readingList =
		el('h4', {}, esc(t('archive.report.indicators.readings'))) +
		(readings.length > 0
			? el(
					'dl',
					{ class: 'readings' },
					readings
						.map(
							(group) =>
								el('dt', {}, esc(sectorLabel(t, group.sector))) +
								el('dd', {}, el('ul', {}, group.readings.map((reading) => el('li', {}, esc(reading.text))).join('')))
						)
						.join('')
				)
			: el('p', { class: 'empty' }, esc(t('archive.report.indicators.noReadings'))));
	return el(
		'div',
		{ class: 'block', 'data-indicator': indicator.id },
		el('h3', {}, esc(indicator.meta.namn)) + figure + card + readingList
	);
}

function thenNowSection(model: ReportModel, t: TFunction, f: Formats): string {
	const rows = model.thenAndNow.flatMap((indicator) =>
		indicator.series.map((series) => {
			const area = [series.area.name, ...Object.entries(series.breakdown).map(([key, value]) => `${key}: ${value}`)].join(', ');
			const unit = indicator.unit ? ` ${indicator.unit}` : '';
			const sign = series.change > 0 ? '+' : '';
			return [
				esc(indicator.name),
				esc(area),
				esc(`${f.number(series.then.value)}${unit} (${series.then.period})`),
				esc(`${f.number(series.now.value)}${unit} (${series.now.period})`),
				esc(`${sign}${f.number(series.change)}${unit}`)
			];
		})
	);
	const headers = ['indicator', 'area', 'then', 'now', 'change'].map((key) => t(`archive.report.thenNow.${key}`));
	const body =
		el('p', { class: 'lead' }, esc(t('archive.report.thenNow.lead'))) +
		(rows.length > 0 ? table(t('archive.report.thenNow.heading'), headers, rows) : empty(t));
	return section('then-now', t('archive.report.thenNow.heading'), body);
}

function nextStepsSection(model: ReportModel, t: TFunction, f: Formats): string {
	const followUp = model.nextSteps.some((step) => step.status !== null);
	const rows = model.nextSteps.map((step) => [
		esc(step.text) + (step.prompt ? `<br>${el('small', {}, esc(t(`method.next.prompts.${step.prompt}`)))}` : ''),
		esc(step.owner ?? '–'),
		esc(step.due ? f.day(step.due) : '–'),
		...(followUp
			? [
					esc(step.status ? t(`archive.stepStatus.${step.status}`) : t('archive.report.next.new')) +
						(step.note ? `<br>${el('small', {}, esc(step.note))}` : '')
				]
			: [])
	]);
	const headers = ['action', 'owner', 'due', ...(followUp ? ['status'] : [])].map((key) => t(`archive.report.next.${key}`));
	const heading = t('archive.report.next.heading');
	return section('next', heading, rows.length > 0 ? table(heading, headers, rows) : empty(t));
}

function followUpSection(model: ReportModel, t: TFunction, f: Formats): string {
	const { dates, of } = model.followUp;
	const origin = of ? el('p', {}, esc(t('archive.report.followUp.of', { title: of.title, version: of.version }))) : '';
	const list =
		el('h3', {}, esc(t('archive.report.followUp.dates'))) +
		(dates.length > 0
			? el('ul', {}, dates.map((date) => el('li', {}, el('time', { datetime: date }, esc(f.day(date))))).join(''))
			: el('p', { class: 'empty' }, esc(t('archive.report.followUp.none'))));
	return section('follow-up', t('archive.report.followUp.heading'), origin + list);
}
