import { compareByCreation, type Card } from '../cards/card';
import type { CastVote, ProxyVoter, VoteState, VoteStatus } from './dot-vote';
import type { MethodActor } from './method-actor';

export interface TallyRow {
	cardId: string;
	votes: number;
	/** Competition ranking: two cards with most votes are both 1, the next is 3. */
	rank: number;
	/** Shares its vote count with another card; the order between them is by creation. */
	tied: boolean;
}

/**
 * Result order: most votes first, ties in ballot (creation) order. Every device and
 * the server get the same order from the same votes, so the prioritised list never
 * flickers between two equal cards.
 */
export function tally(state: VoteState): TallyRow[] {
	const counts = new Map(state.cardIds.map((id) => [id, 0]));
	for (const cast of state.votes) {
		const count = counts.get(cast.cardId);
		if (count !== undefined) counts.set(cast.cardId, count + 1);
	}
	const sorted = state.cardIds
		.map((cardId, order) => ({ cardId, votes: counts.get(cardId) ?? 0, order }))
		.sort((a, b) => b.votes - a.votes || a.order - b.order);
	const frequency = new Map<number, number>();
	for (const row of sorted) frequency.set(row.votes, (frequency.get(row.votes) ?? 0) + 1);
	let rank = 0;
	return sorted.map((row, index) => {
		if (index === 0 || sorted[index - 1]!.votes !== row.votes) rank = index + 1;
		return { cardId: row.cardId, votes: row.votes, rank, tied: (frequency.get(row.votes) ?? 0) > 1 };
	});
}

export interface OwnVotes {
	/** Dots per card id; cards without the voter's dots are absent. */
	byCard: Record<string, number>;
	used: number;
	left: number;
}

export interface VoteView {
	status: VoteStatus;
	budget: number;
	perCardCap: number | null;
	cardIds: string[];
	/** How many dots are cast and by how many voters, so the room sees progress. */
	progress: { dots: number; voters: number };
	/** The viewer's own dots; null for the facilitator, who has no budget of their own. */
	own: OwnVotes | null;
	/** Proxy voters and their dots; only for the facilitator, who enters them. */
	proxies: (ProxyVoter & OwnVotes)[] | null;
	/** Results; null until the vote is closed. */
	tally: TallyRow[] | null;
}

/**
 * What a viewer may see of a vote. While the vote is open, participants see only their
 * own dots, and so does the facilitator (apart from the proxies' dots they entered):
 * the facilitator's screen is often on the projector, and early counts would steer
 * the remaining votes. Everyone sees the result once it is closed.
 */
export function voteView(state: VoteState, viewer: MethodActor): VoteView {
	const voters = new Set(state.votes.map((cast) => cast.voterId));
	const facilitator = viewer.role === 'facilitator';
	return {
		status: state.status,
		budget: state.budget,
		perCardCap: state.perCardCap,
		cardIds: state.cardIds,
		progress: { dots: state.votes.length, voters: voters.size },
		own: viewer.role === 'participant' ? ownVotes(state, viewer.participantId) : null,
		proxies: facilitator ? state.proxies.map((proxy) => ({ ...proxy, ...ownVotes(state, proxy.id) })) : null,
		tally: state.status === 'closed' ? tally(state) : null
	};
}

export interface PrioritisedWish {
	card: Card;
	/** Null for wishes that were not on the ballot (e.g. written after the vote). */
	votes: number | null;
	rank: number | null;
	tied: boolean;
}

/**
 * The prioritised wish list. Once the vote is closed it is the result order, with
 * wishes that were not on the ballot after it in creation order; before that, there
 * is no priority yet and the list is in creation order without counts. Hidden wishes
 * are left out; `cards` may contain other kinds, which are ignored.
 */
export function prioritisedWishes(cards: readonly Card[], vote: VoteState | null): PrioritisedWish[] {
	const wishes = cards.filter((card) => card.kind === 'onskvard' && !card.hidden);
	const rows = vote?.status === 'closed' ? tally(vote) : [];
	const byId = new Map(wishes.map((card) => [card.id, card]));
	const ranked: PrioritisedWish[] = rows.flatMap((row) => {
		const card = byId.get(row.cardId);
		return card ? [{ card, votes: row.votes, rank: row.rank, tied: row.tied }] : [];
	});
	const onBallot = new Set(rows.map((row) => row.cardId));
	const rest = wishes
		.filter((card) => !onBallot.has(card.id))
		.sort(compareByCreation)
		.map((card) => ({ card, votes: null, rank: null, tied: false }));
	return [...ranked, ...rest];
}

function ownVotes(state: VoteState, voterId: string): OwnVotes {
	const mine: CastVote[] = state.votes.filter((cast) => cast.voterId === voterId);
	const byCard: Record<string, number> = {};
	for (const cast of mine) byCard[cast.cardId] = (byCard[cast.cardId] ?? 0) + 1;
	return { byCard, used: mine.length, left: Math.max(0, state.budget - mine.length) };
}
