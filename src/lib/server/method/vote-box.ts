import type { Card } from '$lib/domain/cards/card';
import {
	addProxyVoter,
	castVote,
	closeVote,
	createVote,
	mergeVoteCards,
	removeProxyVoter,
	reopenVote,
	retractVote,
	syncBallot,
	type CastVote,
	type VoteState
} from '$lib/domain/method/dot-vote';
import type { MethodCommand } from '$lib/sync/method-commands';
import { readBallot, writeBallot } from '$lib/sync/ballots';
import type { DocRegistry } from '../realtime/doc-registry';
import { newId } from '../secrets';
import { MethodError } from './method-error';

type ManageCommand = Extract<MethodCommand, { type: 'vote.open' | 'vote.close' | 'vote.reopen' | 'proxy.add' | 'proxy.remove' }>;

/**
 * The ballot box: every dot, kept in the server-only `ballots` document (no client
 * can open it), so nobody sees counts before the facilitator closes the vote, and a
 * reload never gives extra dots because the budget is counted from stored dots.
 */
export class VoteBox {
	constructor(private readonly docs: DocRegistry) {}

	async read(workshopId: string): Promise<VoteState | null> {
		const live = await this.docs.get(workshopId, 'ballots');
		return readBallot(live.doc);
	}

	async write(workshopId: string, state: VoteState): Promise<void> {
		const live = await this.docs.get(workshopId, 'ballots');
		await this.docs.transact(live, (doc) => writeBallot(doc, state));
	}

	/** Opening starts a fresh ballot over the current wishes; the others change the current one. */
	manage(current: VoteState | null, command: ManageCommand, wishes: readonly Card[]): VoteState {
		if (command.type === 'vote.open') {
			const created = createVote({ cards: wishes, budget: command.budget, perCardCap: command.perCardCap });
			if (!created.ok) throw new MethodError('bad_request', `cannot open the vote: ${created.error}`);
			return created.value;
		}
		if (!current) throw new MethodError('conflict', 'no vote has been opened');
		switch (command.type) {
			case 'vote.close':
				return closeVote(syncBallot(current, wishes));
			case 'vote.reopen':
				return reopenVote(syncBallot(current, wishes));
			case 'proxy.add': {
				const result = addProxyVoter(current, { id: `proxy-${newId()}`, name: command.name });
				if (!result.ok) throw new MethodError('bad_request', `cannot add proxy: ${result.error}`);
				return result.value;
			}
			case 'proxy.remove': {
				const result = removeProxyVoter(current, command.proxyId);
				if (!result.ok) throw new MethodError('bad_request', `cannot remove proxy: ${result.error}`);
				return result.value;
			}
		}
	}

	cast(current: VoteState, type: 'vote.cast' | 'vote.retract', vote: CastVote): VoteState {
		const result = type === 'vote.cast' ? castVote(current, vote) : retractVote(current, vote);
		if (!result.ok) throw new MethodError('conflict', result.error, result.error);
		return result.value;
	}

	merge(current: VoteState, keepId: string, mergeIds: readonly string[]): VoteState {
		return mergeVoteCards(current, { keepId, mergeIds });
	}
}
