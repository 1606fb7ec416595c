import type { VoteView } from '$lib/domain/method/vote-tally';
import type { MethodCommand } from '$lib/sync/method-commands';
import type { CommandAck, DraftCounts, PresenceEntry, ProblemBody } from '$lib/sync/protocol';
import { ControlState } from './control.svelte';
import type { SharedDoc } from './shared-doc';
import { SyncClient, type ConnectionStatus } from './sync-client';

/** Reactive view of one browser's connection to a workshop. */
export class WorkshopSession {
	status = $state<ConnectionStatus>('connecting');
	pending = $state(0);
	problem = $state<ProblemBody | null>(null);
	presence = $state<PresenceEntry[]>([]);
	/** This person's own view of the current vote (their dots; results once closed). */
	vote = $state<VoteView | null>(null);
	/** Facilitators: cards in each participant's draft, merged from what every server instance sent. */
	draftCounts = $state<DraftCounts>({});
	readonly client: SyncClient;
	readonly control: ControlState;
	readonly #unsubscribe: (() => void)[] = [];

	constructor(workshopId: string) {
		this.client = new SyncClient({ workshop: workshopId });
		this.#unsubscribe.push(
			this.client.onStatus(({ status, pending }) => {
				this.status = status;
				this.pending = pending;
			}),
			this.client.onProblem((problem) => (this.problem = problem)),
			this.client.onPresence((entries) => (this.presence = entries)),
			this.client.onVoteView((view) => (this.vote = view)),
			this.client.onDraftCounts((counts) => (this.draftCounts = { ...this.draftCounts, ...counts })),
			this.client.onStatus(({ status }) => {
				if (status === 'online') void this.refreshVote();
			})
		);
		this.control = new ControlState(this.client.open('control'), this.client.whenSynced('control'));
	}

	/** A shared document for a view to show (and change through commands). */
	open(name: string): SharedDoc {
		return this.client.open(name);
	}

	/** Sends a command; a refusal shows up in `problem` and is returned for the caller to react. */
	command(command: MethodCommand): Promise<CommandAck> {
		this.problem = null;
		return this.client.command(command);
	}

	async refreshVote(): Promise<void> {
		const result = await this.client.command({ type: 'vote.view' });
		if (result.ok) this.vote = (result.value as VoteView | null | undefined) ?? null;
	}

	destroy(): void {
		this.#unsubscribe.forEach((fn) => fn());
		this.control.destroy();
		this.client.destroy();
	}
}
