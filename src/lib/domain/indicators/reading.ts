import { checkTextLength, type TextLengthProblem } from '../workshop/text-input';

/** "Hur läser du det här från din verksamhet?": the longest reading one person pins to a figure. */
export const READING_TEXT_MAX = 280;

export type ReadingTextProblem = TextLengthProblem;

export function checkReadingText(text: string): ReadingTextProblem | null {
	return checkTextLength(text, READING_TEXT_MAX);
}

/** Far beyond a workshop; keeps one person or a script from flooding every chart. */
export const READING_LIMITS = { perPerson: 200, perWorkshop: 5000 } as const;
