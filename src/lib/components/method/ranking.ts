import type { Card } from '$lib/domain/cards/card';
import type { PublicVote } from '$lib/sync/control';

export interface RankedWish {
	card: Card;
	/** Null for wishes that were not on the ballot (written after the vote). */
	votes: number | null;
	/** Competition ranking from the tally: equal dot counts share a rank. */
	rank: number | null;
	tied: boolean;
}

/** The closed vote's order first, with its ranks and ties; wishes written after it follow, unranked. */
export function rankedWishes(wishes: readonly Card[], vote: PublicVote | null): RankedWish[] {
	const tally = vote?.status === 'closed' ? (vote.tally ?? []) : [];
	const byId = new Map(wishes.map((card) => [card.id, card]));
	const rows: RankedWish[] = tally.flatMap((row) => {
		const card = byId.get(row.cardId);
		return card ? [{ card, votes: row.votes, rank: row.rank, tied: row.tied }] : [];
	});
	const seen = new Set(rows.map((row) => row.card.id));
	return [...rows, ...wishes.filter((c) => !seen.has(c.id)).map((card) => ({ card, votes: null, rank: null, tied: false }))];
}

/** The rank as shown: "2", or "2 (delad)" when another card has as many dots. */
export function rankText(row: Pick<RankedWish, 'rank' | 'tied'>, t: (key: string, values: { rank: number }) => string): string {
	if (row.rank === null) return '';
	return t(row.tied ? 'method.vote.rankTied' : 'method.vote.rank', { rank: row.rank });
}
