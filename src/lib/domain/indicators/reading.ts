/** "Hur läser du det här från din verksamhet?": the longest reading one person pins to a figure. */
export const READING_TEXT_MAX = 280;

export type ReadingTextProblem = 'empty' | 'too-long';

export function checkReadingText(text: string): ReadingTextProblem | null {
	const trimmed = text.trim();
	if (trimmed.length === 0) return 'empty';
	if (trimmed.length > READING_TEXT_MAX) return 'too-long';
	return null;
}

/** Far beyond a workshop; keeps one person or a script from flooding every chart. */
export const READING_LIMITS = { perPerson: 200, perWorkshop: 5000 } as const;
