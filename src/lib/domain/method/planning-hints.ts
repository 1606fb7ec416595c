/**
 * The seed advises keeping the first dialogue under 10 people so it stays a
 * conversation rather than an information meeting.
 */
export const FIRST_DIALOGUE_MAX_PARTICIPANTS = 9;

export type PlanningHint = 'first-dialogue-too-large' | 'single-perspective';

/**
 * Advice (never a block) for the facilitator while planning. Returns hint codes the UI
 * translates:
 * - 'first-dialogue-too-large': a first dialogue with 10 or more expected people
 *   ("under 10 personer", seed 003). Later dialogues may be larger.
 * - 'single-perspective': the invited sectors are known and fewer than two, while the
 *   method's point is to meet across organisational boundaries.
 */
export function planningHints(options: {
	expectedParticipants: number;
	firstDialogue: boolean;
	invitedSectors?: readonly string[];
}): PlanningHint[] {
	const hints: PlanningHint[] = [];
	if (options.firstDialogue && options.expectedParticipants > FIRST_DIALOGUE_MAX_PARTICIPANTS) {
		hints.push('first-dialogue-too-large');
	}
	const sectors = options.invitedSectors ?? [];
	if (sectors.length > 0 && new Set(sectors).size < 2) hints.push('single-perspective');
	return hints;
}
