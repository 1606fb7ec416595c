import type { Card, CardKind } from '../cards/card';
import { isProxyVoter, type VoteState } from './dot-vote';
import type { LiveState } from './live-state';
import { isAuthor, type MethodActor } from './method-actor';
import { isPhaseReached, phaseOfCardKind, type Phase } from './phases';

/** Everything someone can try to do in a live workshop, with what the rule needs to know. */
export type MethodAction =
	| { type: 'change-phase' }
	| { type: 'edit-agenda' }
	/** Who may add, private writing, and locking a phase's board. */
	| { type: 'set-phase-rules' }
	| { type: 'reveal' }
	| { type: 'control-timer' }
	| { type: 'summon' }
	| { type: 'edit-preparation' }
	| { type: 'mark-ready'; participantId: string }
	| { type: 'add-card'; kind: CardKind }
	| { type: 'edit-card'; card: Card }
	| { type: 'delete-card'; card: Card }
	| { type: 'hide-card' }
	| { type: 'merge-cards' }
	| { type: 'propose-data-owner'; card: Card }
	/** Open, close or reopen a vote, or change its ballot. */
	| { type: 'manage-vote' }
	| { type: 'manage-proxies' }
	/** Casting or retracting a dot for `voterId`. */
	| { type: 'cast-vote'; voterId: string }
	/** Split into groups, add groups, set a group's question. */
	| { type: 'arrange-groups' }
	| { type: 'join-group'; participantId: string }
	/** Remove an imported system map, or bring it back. */
	| { type: 'manage-maps' }
	/** Set the questions of a reflection, a poll or the evaluation. */
	| { type: 'set-questions' }
	/** Answer a question of `phase` (anonymous to everyone but the server). */
	| { type: 'answer'; phase: Phase }
	/** Choose what the projector shows (the spotlight) and whether phones follow ("Följ mig"). */
	| { type: 'steer-projector' };

export type DenyReason =
	| 'facilitator-only'
	| 'not-yourself'
	| 'not-author'
	| 'card-hidden'
	| 'phase-locked'
	| 'phase-not-reached'
	| 'facilitator-adds'
	| 'no-vote'
	| 'not-proxy'
	| 'participants-answer'
	| 'phase-closed';

export interface PermissionState {
	live: LiveState;
	vote?: VoteState | null;
}

/**
 * Why `actor` may not perform `action` in `state`, or null when allowed. The server
 * calls this before applying any method command, so a participant can never steer the
 * workshop (phase, reveal, lock, votes, proxies, moderation, merging) or touch someone
 * else's cards, whatever their client sends. The reason lets the UI explain a refusal.
 */
export function denyReason(actor: MethodActor, action: MethodAction, state: PermissionState): DenyReason | null {
	if (action.type === 'cast-vote') return castVoteDenial(actor, action.voterId, state.vote ?? null);
	if (action.type === 'answer') {
		if (actor.role === 'facilitator') return 'participants-answer';
		return state.live.phase === action.phase ? null : 'phase-closed';
	}
	if (actor.role === 'facilitator') return null;
	const { live } = state;
	switch (action.type) {
		case 'change-phase':
		case 'edit-agenda':
		case 'set-phase-rules':
		case 'reveal':
		case 'control-timer':
		case 'summon':
		case 'edit-preparation':
		case 'hide-card':
		case 'merge-cards':
		case 'manage-vote':
		case 'manage-proxies':
		case 'arrange-groups':
		case 'manage-maps':
		case 'steer-projector':
		case 'set-questions':
			return 'facilitator-only';
		case 'mark-ready':
		case 'join-group':
			return action.participantId === actor.participantId ? null : 'not-yourself';
		case 'add-card': {
			const phase = phaseOfCardKind(action.kind);
			if (!isPhaseReached(phase, live.phase)) return 'phase-not-reached';
			// Locking the current phase locks the whole board (e.g. the read-only summary).
			if (live.phases[phase].locked || live.phases[live.phase].locked) return 'phase-locked';
			return live.phases[phase].whoMayAdd === 'alla' ? null : 'facilitator-adds';
		}
		case 'edit-card':
		case 'delete-card': {
			if (!isAuthor(actor, action.card.authorId)) return 'not-author';
			if (action.card.hidden) return 'card-hidden';
			const locked = live.phases[phaseOfCardKind(action.card.kind)].locked || live.phases[live.phase].locked;
			return locked ? 'phase-locked' : null;
		}
		case 'propose-data-owner': {
			if (action.card.hidden) return 'card-hidden';
			if (!isPhaseReached('tillganglig', live.phase)) return 'phase-not-reached';
			return live.phases.tillganglig.locked ? 'phase-locked' : null;
		}
	}
}

/** {@link denyReason} as a yes/no, for guards that need no explanation. */
export function canPerform(actor: MethodActor, action: MethodAction, state: PermissionState): boolean {
	return denyReason(actor, action, state) === null;
}

/**
 * Participants vote only for themselves; the facilitator votes only on behalf of
 * registered proxy voters (people without a device), never with a budget of their own.
 */
function castVoteDenial(actor: MethodActor, voterId: string, vote: VoteState | null): DenyReason | null {
	if (!vote) return 'no-vote';
	if (actor.role === 'facilitator') return isProxyVoter(vote, voterId) ? null : 'not-proxy';
	return voterId === actor.participantId ? null : 'not-yourself';
}
