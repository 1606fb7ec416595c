import { compareByCreation, type Card } from '../cards/card';
import { err, ok, type Result } from './result';

/** Dots per person unless the facilitator chooses otherwise. */
export const DEFAULT_VOTE_BUDGET = 3;
/** More dots than this stop being a priority and become a survey. */
export const VOTE_BUDGET_MAX = 20;

/** One dot. Facts like this are appended, never edited. */
export interface CastVote {
	voterId: string;
	cardId: string;
}

/**
 * Someone in the room without a device. The facilitator enters their dots, which count
 * against this voter's own budget, never the facilitator's.
 */
export interface ProxyVoter {
	id: string;
	name: string;
}

export type VoteStatus = 'open' | 'closed';

/**
 * A dot vote. Votes are stored per voter, so a participant who reloads the page is
 * recognised by id and gets no extra dots: remaining budget is always computed from
 * the stored votes, never kept on the client.
 */
export interface VoteState {
	status: VoteStatus;
	budget: number;
	/** Most dots one voter may put on one card; null for no limit beyond the budget. */
	perCardCap: number | null;
	/** The cards on the ballot, in creation order, which also breaks ties. */
	cardIds: string[];
	/** Every dot in the order cast. */
	votes: CastVote[];
	proxies: ProxyVoter[];
}

export type VoteSetupProblem = 'bad-budget' | 'bad-cap';
export type CastProblem = 'vote-closed' | 'unknown-card' | 'budget-exhausted' | 'card-cap';
export type RetractProblem = 'vote-closed' | 'no-vote';
export type ProxyProblem = 'name-empty' | 'duplicate-voter' | 'unknown-voter';

/**
 * Opens a vote on `cards` (typically the visible wishes). Hidden cards are left off the
 * ballot. The budget must be 1-20 and a per-card cap, if any, 1 to the budget.
 */
export function createVote(options: {
	cards: readonly Card[];
	budget?: number;
	perCardCap?: number | null;
}): Result<VoteState, VoteSetupProblem> {
	const budget = options.budget ?? DEFAULT_VOTE_BUDGET;
	const perCardCap = options.perCardCap ?? null;
	if (!Number.isInteger(budget) || budget < 1 || budget > VOTE_BUDGET_MAX) return err('bad-budget');
	if (perCardCap !== null && (!Number.isInteger(perCardCap) || perCardCap < 1 || perCardCap > budget)) {
		return err('bad-cap');
	}
	const cardIds = ballotOrder(options.cards);
	return ok({ status: 'open', budget, perCardCap, cardIds, votes: [], proxies: [] });
}

/**
 * Adds one dot from `voterId` to `cardId`, or says why not. The server applies casts
 * one after another through this function, so two casts that arrive together cannot
 * both take the last dot. Who may cast for whom is `canPerform`'s concern.
 */
export function castVote(state: VoteState, vote: CastVote): Result<VoteState, CastProblem> {
	if (state.status !== 'open') return err('vote-closed');
	if (!state.cardIds.includes(vote.cardId)) return err('unknown-card');
	const own = state.votes.filter((cast) => cast.voterId === vote.voterId);
	if (own.length >= state.budget) return err('budget-exhausted');
	const onCard = own.filter((cast) => cast.cardId === vote.cardId).length;
	if (state.perCardCap !== null && onCard >= state.perCardCap) return err('card-cap');
	return ok({ ...state, votes: [...state.votes, { voterId: vote.voterId, cardId: vote.cardId }] });
}

/** Takes back one of the voter's dots on the card (the latest one) while the vote is open. */
export function retractVote(state: VoteState, vote: CastVote): Result<VoteState, RetractProblem> {
	if (state.status !== 'open') return err('vote-closed');
	const index = state.votes.findLastIndex((cast) => cast.voterId === vote.voterId && cast.cardId === vote.cardId);
	if (index < 0) return err('no-vote');
	return ok({ ...state, votes: state.votes.toSpliced(index, 1) });
}

/** Ends voting; tallies become visible to everyone. Idempotent. */
export function closeVote(state: VoteState): VoteState {
	return state.status === 'closed' ? state : { ...state, status: 'closed' };
}

/** Lets people vote again with the dots they have left, e.g. after a closing by mistake. */
export function reopenVote(state: VoteState): VoteState {
	return state.status === 'open' ? state : { ...state, status: 'open' };
}

/** Dots the voter has used. */
export function votesUsed(state: VoteState, voterId: string): number {
	return state.votes.filter((cast) => cast.voterId === voterId).length;
}

/** Registers a person without a device, whose dots the facilitator will enter. */
export function addProxyVoter(state: VoteState, proxy: ProxyVoter): Result<VoteState, ProxyProblem> {
	const name = proxy.name.trim();
	if (name.length === 0) return err('name-empty');
	const taken = state.proxies.some((existing) => existing.id === proxy.id) || state.votes.some((cast) => cast.voterId === proxy.id);
	if (taken) return err('duplicate-voter');
	return ok({ ...state, proxies: [...state.proxies, { id: proxy.id, name }] });
}

/** Removes a proxy voter added by mistake, with their dots. */
export function removeProxyVoter(state: VoteState, proxyId: string): Result<VoteState, ProxyProblem> {
	if (!isProxyVoter(state, proxyId)) return err('unknown-voter');
	return ok({
		...state,
		proxies: state.proxies.filter((proxy) => proxy.id !== proxyId),
		votes: state.votes.filter((cast) => cast.voterId !== proxyId)
	});
}

export function isProxyVoter(state: VoteState, voterId: string): boolean {
	return state.proxies.some((proxy) => proxy.id === voterId);
}

/**
 * Brings the ballot in line with the board: cards that were deleted or hidden leave the
 * ballot and their dots go back to the voters; new cards join it in creation order.
 */
export function syncBallot(state: VoteState, cards: readonly Card[]): VoteState {
	const cardIds = ballotOrder(cards);
	const onBallot = new Set(cardIds);
	return { ...state, cardIds, votes: state.votes.filter((cast) => onBallot.has(cast.cardId)) };
}

/**
 * Moves dots from merged duplicates to the kept card (see `mergeCards`). A person who
 * dotted both duplicates keeps both dots on the kept card, up to the per-card cap;
 * dots over the cap go back to the voter rather than silently counting extra. If the
 * kept card is not on the ballot, the duplicates' dots go back to their voters.
 */
export function mergeVoteCards(state: VoteState, options: { keepId: string; mergeIds: readonly string[] }): VoteState {
	const gone = new Set(options.mergeIds);
	gone.delete(options.keepId);
	const keptOnBallot = state.cardIds.includes(options.keepId);
	const perVoter = new Map<string, number>();
	const votes: CastVote[] = [];
	for (const cast of state.votes) {
		if (gone.has(cast.cardId) && !keptOnBallot) continue;
		const cardId = gone.has(cast.cardId) ? options.keepId : cast.cardId;
		if (cardId === options.keepId) {
			const count = perVoter.get(cast.voterId) ?? 0;
			if (state.perCardCap !== null && count >= state.perCardCap) continue;
			perVoter.set(cast.voterId, count + 1);
		}
		votes.push({ voterId: cast.voterId, cardId });
	}
	return { ...state, cardIds: state.cardIds.filter((id) => !gone.has(id)), votes };
}

function ballotOrder(cards: readonly Card[]): string[] {
	const visible = cards.filter((card) => !card.hidden).toSorted(compareByCreation);
	return [...new Set(visible.map((card) => card.id))];
}
