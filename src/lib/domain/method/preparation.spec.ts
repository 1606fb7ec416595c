import { describe, expect, it } from 'vitest';
import { checkPreparation, goalText, questionText, type Preparation } from './preparation';
import type { GoalTemplate, ThemeTemplate } from './templates';

const themes: ThemeTemplate[] = [
	{
		id: 'fritid',
		name: { sv: 'Fritid', en: 'Leisure' },
		questions: {
			framjande: {
				sv: 'Hur kan vi främja tillgång till fritidsaktiviteter för alla barn?',
				en: 'How can we promote access to leisure activities for all children?'
			},
			forebyggande: {
				sv: 'Hur kan vi förebygga destruktiv fritid och riskbeteenden?',
				en: 'How can we prevent destructive leisure and risk behaviour?'
			}
		},
		suggestedSectors: [],
		starterWishes: [],
		suggestedDataSourceIds: []
	}
];

const goals: GoalTemplate[] = [
	{
		id: 'lara-av-varandra',
		label: { sv: 'Att lära av varandra och förstå frågan bättre', en: 'To learn from each other' },
		when: { sv: 'Tidigt', en: 'Early' },
		stage: 'utforska'
	}
];

const ready: Preparation = {
	goal: { kind: 'template', goalId: 'lara-av-varandra' },
	themeId: 'fritid',
	question: { kind: 'theme', themeId: 'fritid', angle: 'framjande' },
	expectedParticipants: 8,
	firstDialogue: true
};

describe('checkPreparation', () => {
	it('accepts a goal, theme and a question from that theme', () => {
		expect(checkPreparation(ready, { goals, themes })).toEqual([]);
	});

	it('accepts a custom goal and a custom question without a theme', () => {
		const custom: Preparation = {
			goal: { kind: 'custom', text: 'Förstå varför unga slutar på fritidsgården' },
			themeId: null,
			question: { kind: 'custom', text: 'Hur når vi unga som inte kommer?' },
			expectedParticipants: null,
			firstDialogue: false
		};
		expect(checkPreparation(custom, { goals, themes })).toEqual([]);
	});

	it('reports a missing goal and question', () => {
		expect(checkPreparation({ ...ready, goal: null, question: null }, { goals, themes })).toEqual(['goal-missing', 'question-missing']);
	});

	it('reports unknown template goals and themes', () => {
		const problems = checkPreparation(
			{
				...ready,
				goal: { kind: 'template', goalId: 'nope' },
				themeId: 'okand',
				question: { kind: 'theme', themeId: 'okand', angle: 'framjande' }
			},
			{ goals, themes }
		);
		expect(problems).toEqual(['unknown-goal', 'unknown-theme']);
	});

	it('reports a theme question that does not belong to the chosen theme', () => {
		const otherThemes = [...themes, { ...themes[0]!, id: 'aldre' }];
		expect(checkPreparation({ ...ready, themeId: 'aldre' }, { goals, themes: otherThemes })).toEqual(['question-theme-mismatch']);
	});

	it('reports empty and too long custom texts', () => {
		expect(
			checkPreparation(
				{ ...ready, goal: { kind: 'custom', text: ' ' }, question: { kind: 'custom', text: 'x'.repeat(201) } },
				{ goals, themes }
			)
		).toEqual(['goal-text-empty', 'question-text-too-long']);
		expect(
			checkPreparation(
				{ ...ready, goal: { kind: 'custom', text: 'x'.repeat(201) }, question: { kind: 'custom', text: '' } },
				{ goals, themes }
			)
		).toEqual(['goal-text-too-long', 'question-text-empty']);
	});

	it('reports an expected participant count that is not a positive whole number', () => {
		expect(checkPreparation({ ...ready, expectedParticipants: 0 }, { goals, themes })).toEqual(['bad-participant-count']);
		expect(checkPreparation({ ...ready, expectedParticipants: 2.5 }, { goals, themes })).toEqual(['bad-participant-count']);
	});
});

describe('questionText and goalText', () => {
	it('gives the theme question in the asked language', () => {
		const question = { kind: 'theme' as const, themeId: 'fritid', angle: 'forebyggande' as const };
		expect(questionText(question, themes, 'sv')).toBe('Hur kan vi förebygga destruktiv fritid och riskbeteenden?');
		expect(questionText(question, themes, 'en')).toBe('How can we prevent destructive leisure and risk behaviour?');
	});

	it('gives custom text as written, trimmed', () => {
		expect(questionText({ kind: 'custom', text: ' Egen fråga? ' }, themes, 'en')).toBe('Egen fråga?');
		expect(goalText({ kind: 'custom', text: ' Eget mål ' }, goals, 'sv')).toBe('Eget mål');
	});

	it('gives null for an unknown theme or goal', () => {
		expect(questionText({ kind: 'theme', themeId: 'nope', angle: 'framjande' }, themes, 'sv')).toBeNull();
		expect(goalText({ kind: 'template', goalId: 'nope' }, goals, 'sv')).toBeNull();
	});

	it('gives a template goal in the asked language', () => {
		expect(goalText({ kind: 'template', goalId: 'lara-av-varandra' }, goals, 'sv')).toBe('Att lära av varandra och förstå frågan bättre');
	});
});
