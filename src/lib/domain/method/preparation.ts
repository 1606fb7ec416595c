import type { GoalTemplate, ThemeTemplate } from './templates';

export const GOAL_TEXT_MAX = 200;
export const QUESTION_TEXT_MAX = 200;

/** The two questions each seed theme offers. */
export const QUESTION_ANGLES = ['framjande', 'forebyggande'] as const;
/** Promotion (främjande) or prevention (förebyggande). */
export type QuestionAngle = (typeof QUESTION_ANGLES)[number];

/** One goal per conversation (seed 003): one of the template goals, or the facilitator's own words. */
export type GoalChoice = { kind: 'template'; goalId: string } | { kind: 'custom'; text: string };

/** A theme's promotion or prevention question, or the facilitator's own question. */
export type QuestionChoice = { kind: 'theme'; themeId: string; angle: QuestionAngle } | { kind: 'custom'; text: string };

/**
 * What the organiser decides before the workshop (the seed's "about one hour" of
 * preparation). Everything is optional while drafting; {@link checkPreparation} says
 * what is missing before the workshop can start.
 */
export interface Preparation {
	goal: GoalChoice | null;
	/** The theme the dialogue is about; may be null with a custom question. */
	themeId: string | null;
	question: QuestionChoice | null;
	expectedParticipants: number | null;
	/** The seed's size advice applies to the first dialogue on a question. */
	firstDialogue: boolean;
}

export type PreparationProblem =
	| 'goal-missing'
	| 'unknown-goal'
	| 'goal-text-empty'
	| 'goal-text-too-long'
	| 'unknown-theme'
	| 'question-missing'
	| 'question-text-empty'
	| 'question-text-too-long'
	| 'question-theme-mismatch'
	| 'bad-participant-count';

/**
 * Checks a preparation against the loaded templates. Returns every problem so the form
 * can mark them together; an empty list means the workshop is ready to run. A theme
 * question must belong to the chosen theme, so the board never shows a question from
 * one theme under another theme's name.
 */
export function checkPreparation(
	preparation: Preparation,
	templates: { goals: readonly GoalTemplate[]; themes: readonly ThemeTemplate[] }
): PreparationProblem[] {
	const problems: PreparationProblem[] = [];
	const { goal, question, themeId } = preparation;
	if (goal === null) problems.push('goal-missing');
	else if (goal.kind === 'template') {
		const known = templates.goals.some((candidate) => candidate.id === goal.goalId);
		if (!known) problems.push('unknown-goal');
	} else {
		problems.push(...textProblems(goal.text, GOAL_TEXT_MAX, 'goal-text-empty', 'goal-text-too-long'));
	}
	const themeIds = new Set(templates.themes.map((theme) => theme.id));
	if (themeId !== null && !themeIds.has(themeId)) problems.push('unknown-theme');
	if (question === null) problems.push('question-missing');
	else if (question.kind === 'theme') {
		if (!themeIds.has(question.themeId)) problems.push('unknown-theme');
		else if (themeId !== null && themeId !== question.themeId) problems.push('question-theme-mismatch');
	} else {
		problems.push(...textProblems(question.text, QUESTION_TEXT_MAX, 'question-text-empty', 'question-text-too-long'));
	}
	const count = preparation.expectedParticipants;
	if (count !== null && (!Number.isInteger(count) || count < 1)) problems.push('bad-participant-count');
	return [...new Set(problems)];
}

/**
 * The question as text in `lang`: a theme question from the template, or the custom
 * text as written (custom text is not translated). Null when the theme is unknown.
 */
export function questionText(question: QuestionChoice, themes: readonly ThemeTemplate[], lang: 'sv' | 'en'): string | null {
	if (question.kind === 'custom') return question.text.trim();
	const theme = themes.find((candidate) => candidate.id === question.themeId);
	return theme ? theme.questions[question.angle][lang] : null;
}

/** The goal as text in `lang`; null when the template goal is unknown. */
export function goalText(goal: GoalChoice, goals: readonly GoalTemplate[], lang: 'sv' | 'en'): string | null {
	if (goal.kind === 'custom') return goal.text.trim();
	return goals.find((candidate) => candidate.id === goal.goalId)?.label[lang] ?? null;
}

function textProblems<E extends PreparationProblem>(text: string, max: number, empty: E, tooLong: E): E[] {
	const trimmed = text.trim();
	if (trimmed.length === 0) return [empty];
	return trimmed.length > max ? [tooLong] : [];
}
