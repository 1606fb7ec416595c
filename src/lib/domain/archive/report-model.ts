import { GOALS, THEMES } from '../method/default-templates';
import { goalText, questionText } from '../method/preparation';
import { inSectorOrder, type Sector } from '../workshop/sectors';
import { evaluationOutcomes, type Outcomes } from '../responses/outcomes';
import { RESPONSE_PHASES, type Question, type ResponsePhase } from '../responses/questions';
import type { QuestionSummary } from '../responses/summary';
import { questionsFor } from '../responses/surveys';
import {
	availableRows,
	cardsOfKind,
	gapRows,
	nextStepRows,
	participantsBySector,
	rankedWishes,
	visibleCards,
	type AvailableRow,
	type GapRow,
	type NextStepRow,
	type RankedWish,
	type SectorCount
} from './cards';
import type { ArchiveDocument, ArchiveSource } from './schema';
import type { ArchivedIndicator, ArchivedReading } from './schema-indicators';
import type { ArchivedMap } from './schema-maps';
import { thenAndNow, type ThenAndNow } from './then-and-now';

export interface ReportLoop {
	kind: 'R' | 'B';
	/** Factor labels in cycle order. */
	factors: string[];
	name: string | null;
	story: string | null;
}

export interface ReportMap {
	map: ArchivedMap;
	loops: ReportLoop[];
}

export interface ReportIndicator {
	indicator: ArchivedIndicator;
	/** Readings grouped by the sector of whoever wrote them, sectors in the join form's order. */
	readings: { sector: Sector | 'facilitator'; readings: ArchivedReading[] }[];
}

/** Everything the report shows, in order, with texts resolved in one language. No participant names exist here. */
export interface ReportModel {
	title: string;
	createdAt: string;
	source: ArchiveSource;
	goal: string | null;
	theme: string | null;
	question: string | null;
	participants: { total: number; bySector: SectorCount[] };
	collaborators: string[];
	wishes: RankedWish[];
	available: AvailableRow[];
	gaps: GapRow[];
	maps: ReportMap[];
	indicators: ReportIndicator[];
	/** What each sector wants to test next after reading the figures in dialogue (*Testa i dialog*). */
	testNext: { text: string; sector: Sector | 'facilitator' }[];
	thenAndNow: ThenAndNow[];
	nextSteps: NextStepRow[];
	/** The reflections, polls and evaluation someone answered, anonymous summaries only. */
	responses: ReportResponses[];
	/** The evaluation's "N av M": strengthened collaboration, plans for new initiatives, … */
	outcomes: Outcomes;
	followUp: ArchiveDocument['followUp'];
}

export interface ReportResponses {
	phase: ResponsePhase;
	questions: { question: Question; summary: QuestionSummary }[];
}

/** Readings by sector in the join form's order, the facilitator's last. */
/** The report's content from an archive document. Maps without factors and indicators without data or readings add nothing and are left out. */
export function buildReportModel(document: ArchiveDocument, lang: 'sv' | 'en' = 'sv'): ReportModel {
	const cards = visibleCards(document);
	const preparation = document.preparation;
	const theme = THEMES.find((candidate) => candidate.id === (preparation?.themeId ?? themeOfQuestion(preparation)));
	return {
		title: document.workshop.title,
		createdAt: document.workshop.createdAt,
		source: document.source,
		goal: preparation?.goal ? goalText(preparation.goal, GOALS, lang) : null,
		theme: theme ? theme.name[lang] : null,
		question: preparation?.question ? questionText(preparation.question, THEMES, lang) : null,
		participants: { total: document.participants.length, bySector: participantsBySector(document.participants) },
		collaborators: cardsOfKind(cards, 'samverkan').map((card) => card.text),
		wishes: rankedWishes(cards, document.vote),
		available: availableRows(cards),
		gaps: gapRows(cards, document.vote),
		maps: document.maps.filter((map) => map.factors.length > 0).map(reportMap),
		indicators: document.indicators
			.map((indicator) => ({ indicator, readings: readingsBySector(document.readings, indicator.id) }))
			.filter(({ indicator, readings }) => (indicator.data?.observations.length ?? 0) > 0 || readings.length > 0),
		testNext: cardsOfKind(cards, 'testa').map((card) => ({ text: card.text, sector: card.sector })),
		thenAndNow: thenAndNow(document.followUp.baseline, document.indicators),
		nextSteps: nextStepRows(cards, document.followUp.steps),
		...reportResponses(document, lang),
		followUp: document.followUp
	};
}

function reportResponses(document: ArchiveDocument, lang: 'sv' | 'en'): Pick<ReportModel, 'responses' | 'outcomes'> {
	const { surveys, summaries, followUp } = document.responses;
	const questionsOf = (phase: ResponsePhase) => questionsFor(phase, surveys, { lang, followUp });
	const responses = RESPONSE_PHASES.map((phase) => ({
		phase,
		questions: questionsOf(phase).flatMap((question) => {
			const summary = summaries[phase]?.find((s) => s.questionId === question.id && s.kind === question.kind);
			return summary && summary.respondents > 0 ? [{ question, summary }] : [];
		})
	})).filter((entry) => entry.questions.length > 0);
	return { responses, outcomes: evaluationOutcomes(document.responses) };
}

function themeOfQuestion(preparation: ArchiveDocument['preparation']): string | null {
	return preparation?.question?.kind === 'theme' ? preparation.question.themeId : null;
}

function reportMap(map: ArchivedMap): ReportMap {
	const labels = new Map(map.factors.map((factor) => [factor.id, factor.label]));
	return {
		map,
		loops: map.loops.map((loop) => ({
			kind: loop.kind,
			factors: loop.factors.map((id) => labels.get(id) ?? id),
			name: loop.name ?? null,
			story: loop.story ?? null
		}))
	};
}

function readingsBySector(readings: readonly ArchivedReading[], indicatorId: string): ReportIndicator['readings'] {
	const own = readings.filter((reading) => reading.indicatorId === indicatorId);
	return inSectorOrder(own.map((reading) => reading.sector)).map((sector) => ({
		sector,
		readings: own.filter((reading) => reading.sector === sector)
	}));
}
