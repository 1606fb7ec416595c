import * as Y from 'yjs';
import type { CastVote, VoteState } from '$lib/domain/method/dot-vote';
import { getBallotState } from './schema';

type BallotSettings = Omit<VoteState, 'votes'>;

/**
 * The ballot box keeps the vote's settings as one value and the dots as a Y.Array, so
 * a dot is stored as one small insert instead of the whole ballot again: at a
 * conference of 300 people with 5 dots each, rewriting the ballot on every dot made
 * each stored update grow to tens of kilobytes and folding the log stall the server.
 */
export function readBallot(doc: Y.Doc): VoteState | null {
	const state = getBallotState(doc);
	const settings = state.get('ballot') as BallotSettings | undefined;
	const dots = state.get('dots');
	if (settings && dots instanceof Y.Array) return { ...settings, votes: dots.toArray() as CastVote[] };
	// A ballot stored whole, before dots were kept one by one.
	return (state.get('vote') as VoteState | undefined) ?? null;
}

/** Writes `next` as the difference from what is stored: most changes add or take away one dot. */
export function writeBallot(doc: Y.Doc, next: VoteState): void {
	const state = getBallotState(doc);
	const { votes, ...settings } = next;
	const stored = state.get('dots');
	const dots = stored instanceof Y.Array ? (stored as Y.Array<CastVote>) : state.set('dots', new Y.Array<CastVote>());
	replaceChanged(dots, votes);
	if (JSON.stringify(state.get('ballot')) !== JSON.stringify(settings)) state.set('ballot', settings);
	if (state.has('vote')) state.delete('vote');
}

/** Keeps the common start and end of the list and replaces only what lies between. */
function replaceChanged(dots: Y.Array<CastVote>, next: readonly CastVote[]): void {
	const current = dots.toArray();
	const same = (a: CastVote, b: CastVote) => a.voterId === b.voterId && a.cardId === b.cardId;
	let start = 0;
	while (start < current.length && start < next.length && same(current[start]!, next[start]!)) start++;
	let end = 0;
	while (
		end < current.length - start &&
		end < next.length - start &&
		same(current[current.length - 1 - end]!, next[next.length - 1 - end]!)
	) {
		end++;
	}
	const removed = current.length - start - end;
	if (removed > 0) dots.delete(start, removed);
	const added = next.slice(start, next.length - end);
	if (added.length > 0) dots.insert(start, added);
}
