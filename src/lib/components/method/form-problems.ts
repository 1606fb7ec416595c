/**
 * The problems a form shows: those the last submit reported that are still there. A
 * field that becomes valid loses its message as soon as it is fixed; a new problem
 * waits for the next submit, so nobody is scolded while typing.
 */
export function openProblems<P extends string>(reported: readonly P[], current: readonly P[]): P[] {
	const now = new Set(current);
	return reported.filter((problem) => now.has(problem));
}
