import type { AgendaProblem } from '../method/agenda';
import { createLiveState, goToPhase, setRevealed, type LiveState } from '../method/live-state';
import { PHASES } from '../method/phases';
import { ok, type Result } from '../method/result';
import type { ArchivedMethod } from './schema-method';

/**
 * The live state a restored workshop continues from: the archived agenda and
 * per-phase rules (including which phases were revealed), at the archived phase,
 * with that phase's timer set but stopped and nobody marked ready.
 */
export function liveStateOf(method: ArchivedMethod): Result<LiveState, AgendaProblem> {
	const created = createLiveState({ agenda: method.agenda, rules: method.phases });
	if (!created.ok) return created;
	let state = created.value;
	for (const phase of PHASES) state = setRevealed(state, phase, method.phases[phase].revealed);
	return ok(goToPhase(state, method.phase));
}
