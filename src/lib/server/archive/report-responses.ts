import { sectorLabel } from '$lib/i18n/sector-label';
import type { TFunction } from 'i18next';
import type { ReportModel, ReportResponses } from '$lib/domain/archive/report-model';
import { OUTCOME_MEASURES, SCALE_MAX, SCALE_MIN } from '$lib/domain/responses/questions';
import type { QuestionSummary } from '$lib/domain/responses/summary';
import type { Question } from '$lib/domain/responses/questions';
import { el, esc } from './markup';

/** How many of the most used words the report lists for an open question. */
const REPORT_WORDS = 15;

/**
 * The reflections and the evaluation in the report: first the evaluation's "N av M"
 * lines (seed 004's measures), then each phase's questions with the anonymous answers,
 * listed by sector, and the counts per option. No one's identity was ever stored here.
 */
export function responsesSection(
	model: ReportModel,
	t: TFunction,
	table: (label: string, headers: string[], rows: string[][]) => string
): string {
	if (model.responses.length === 0) return '';
	const outcomes = OUTCOME_MEASURES.flatMap((measure) => {
		const count = model.outcomes[measure];
		return count && count.of > 0
			? [el('li', { 'data-measure': measure }, esc(t(`responses.outcomes.${measure}`, { agree: count.agree, of: count.of })))]
			: [];
	});
	const lead = outcomes.length > 0 ? el('ul', { class: 'outcomes' }, outcomes.join('')) : '';
	const body = model.responses.map((entry) => phaseBlock(entry, t, table)).join('');
	return el(
		'section',
		{ 'aria-labelledby': 'report-responses', id: 'section-responses' },
		el('h2', { id: 'report-responses' }, esc(t('responses.report.heading'))) + lead + body
	);
}

function phaseBlock(entry: ReportResponses, t: TFunction, table: (label: string, headers: string[], rows: string[][]) => string): string {
	const questions = entry.questions.map(({ question, summary }) => questionBlock(question, summary, t, table)).join('');
	return el('h3', {}, esc(t(`responses.phases.${entry.phase}`))) + questions;
}

function questionBlock(
	question: Question,
	summary: QuestionSummary,
	t: TFunction,
	table: (label: string, headers: string[], rows: string[][]) => string
): string {
	const heading = el('h4', {}, esc(`${question.prompt} (${t('responses.respondents', { count: summary.respondents })})`));
	if (summary.kind === 'open') {
		const words = summary.words
			.slice(0, REPORT_WORDS)
			.map((w) => `${w.word} (${w.count})`)
			.join(', ');
		const sectors = [...new Set(summary.entries.map((e) => e.sector))];
		const bySector = sectors
			.map(
				(sector) =>
					el('p', { class: 'sector' }, esc(sectorLabel(t, sector))) +
					el(
						'ul',
						{},
						summary.entries
							.filter((e) => e.sector === sector)
							.map((e) => el('li', {}, esc(e.text)))
							.join('')
					)
			)
			.join('');
		return heading + (words ? el('p', { class: 'lead' }, esc(`${t('responses.report.words')}: ${words}`)) : '') + bySector;
	}
	const labels =
		question.kind === 'choice' ? question.choices : Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => String(SCALE_MIN + i));
	const rows = labels.map((label, i) => [esc(label), String(summary.counts[i] ?? 0)]);
	const counts = table(question.prompt, [t('responses.report.option'), t('responses.report.answers')], rows);
	const mean =
		summary.kind === 'scale' && summary.mean !== null
			? el(
					'p',
					{},
					esc(`${t('responses.mean', { mean: summary.mean })} · ${t('responses.agree', { agree: summary.agree, of: summary.respondents })}`)
				)
			: '';
	return heading + counts + mean;
}
