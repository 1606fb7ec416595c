import type { Lang, Question, ResponsePhase } from './questions';

type Texts = Record<Lang, string>;
/** A question with its prompt in every language (distributed over the kinds, so a scale keeps its measure). */
type DefaultQuestion = Question extends infer Q ? (Q extends Question ? Omit<Q, 'prompt'> & { prompt: Texts } : never) : never;

/**
 * The questions a phase starts with until the facilitator edits them. The closing
 * reflection is the seed's own (seed 003, *Dialogfrågor*); the evaluation follows the
 * County Administrative Board's evaluation of *Samverkan på riktigt* (seed 004): did it
 * strengthen collaboration in the local work, do you plan new initiatives because of
 * it (which), and, at a follow-up, did it lead to new collaboration initiatives.
 */
const DEFAULTS: Record<ResponsePhase, readonly DefaultQuestion[]> = {
	'reflektion-start': [
		{
			id: 'forvantan',
			kind: 'open',
			prompt: { sv: 'Vad hoppas du att dagens dialog ska leda till?', en: 'What do you hope today’s dialogue will lead to?' }
		}
	],
	reflektion: [
		{
			id: 'ta-med',
			kind: 'open',
			prompt: {
				sv: 'Vad tar du med dig från idag i det fortsatta utvecklingsarbetet i din kommun?',
				en: 'What do you take with you from today into the continued development work in your municipality?'
			}
		}
	],
	utvardering: [
		{
			id: 'samverkan',
			kind: 'scale',
			measure: 'collaboration',
			prompt: {
				sv: 'Dialogen har bidragit till att stärka samverkan i mitt lokala arbete (1 = inte alls, 5 = i hög grad).',
				en: 'The dialogue has helped strengthen collaboration in my local work (1 = not at all, 5 = very much).'
			}
		},
		{
			id: 'nya-initiativ',
			kind: 'scale',
			measure: 'initiatives',
			prompt: {
				sv: 'Jag planerar nya initiativ som en följd av dialogen (1 = nej, 5 = ja, absolut).',
				en: 'I plan new initiatives as a result of the dialogue (1 = no, 5 = yes, definitely).'
			}
		},
		{
			id: 'data-nytta',
			kind: 'scale',
			measure: 'data-useful',
			prompt: {
				sv: 'Datan vi tittade på var till nytta i samtalet (1 = inte alls, 5 = i hög grad).',
				en: 'The data we looked at was useful in the conversation (1 = not at all, 5 = very much).'
			}
		},
		{
			id: 'vilka-initiativ',
			kind: 'open',
			prompt: {
				sv: 'Vilka nya initiativ planerar du? Till exempel att bjuda in andra förvaltningar till ett samverkansmöte.',
				en: 'Which new initiatives do you plan? For example inviting other administrations to a collaboration meeting.'
			}
		}
	]
};

/** Asked at a follow-up instead of the plan for new initiatives: did the first dialogue lead to some? */
const FOLLOW_UP_EVALUATION: readonly DefaultQuestion[] = [
	{
		id: 'ledde-till-initiativ',
		kind: 'scale',
		measure: 'follow-up-initiatives',
		prompt: {
			sv: 'Den förra dialogen har lett till nya samverkansinitiativ i kommunen (1 = inga, 5 = flera).',
			en: 'The previous dialogue has led to new collaboration initiatives in the municipality (1 = none, 5 = several).'
		}
	},
	DEFAULTS.utvardering[0]!,
	DEFAULTS.utvardering[1]!,
	{
		id: 'vilka-initiativ',
		kind: 'open',
		prompt: {
			sv: 'Vilka samverkansinitiativ har kommit till sedan förra dialogen, och vilka planerar du nu?',
			en: 'Which collaboration initiatives have started since the previous dialogue, and which do you plan now?'
		}
	}
];

/** The default questions of `phase` in `lang`; a follow-up's evaluation asks what the first dialogue led to. */
export function defaultQuestions(phase: ResponsePhase, options: { lang: Lang; followUp?: boolean }): Question[] {
	const list = phase === 'utvardering' && options.followUp ? FOLLOW_UP_EVALUATION : DEFAULTS[phase];
	return list.map((q) => ({ ...q, prompt: q.prompt[options.lang] }) as Question);
}
