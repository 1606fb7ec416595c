/**
 * How many people may join one workshop. The method's largest format, the start-up
 * conference of seed 003, had about 300 people in groups of five; the cap stops a
 * script from joining thousands, each of which every presence list, vote and report
 * would then carry.
 */
export const PARTICIPANTS_MAX = 1000;

/** Whether a workshop with `joined` participants takes no one more. */
export function isWorkshopFull(joined: number): boolean {
	return joined >= PARTICIPANTS_MAX;
}
