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
	/** Facilitators: visible cards on each group's canvas, merged the same way. */
	groupCardCounts = $state<Record<string, number>>({});
	readonly client: SyncClient;
	readonly control: ControlState;
	readonly #unsubscribe: (() => void)[] = [];
	/** How many views hold each document opened through `open`. */
	readonly #holds = new Map<string, number>();

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
			this.client.onCardCounts((counts) => {
				if (Object.keys(counts.drafts).length > 0) this.draftCounts = { ...this.draftCounts, ...counts.drafts };
				if (Object.keys(counts.groups).length > 0) this.groupCardCounts = { ...this.groupCardCounts, ...counts.groups };
			}),
			this.client.onStatus(({ status }) => {
				if (status === 'online') void this.refreshVote();
			})
		);
		this.control = new ControlState(this.client.open('control'), this.client.whenSynced('control'));
	}

	/** A shared document for a view to show (and change through commands); give it back with `release`. */
	open(name: string): SharedDoc {
		this.#holds.set(name, (this.#holds.get(name) ?? 0) + 1);
		return this.client.open(name);
	}

	/**
	 * A view gives back a document it opened. The last one closes it, once this browser's
	 * changes to it are stored, so browsing many canvases (a conference has 200 groups) never
	 * reaches the documents one connection may hold open.
	 */
	release(name: string): void {
		const held = (this.#holds.get(name) ?? 0) - 1;
		if (held > 0) {
			this.#holds.set(name, held);
			return;
		}
		this.#holds.delete(name);
		this.client.flushed().then(
			() => {
				if (!this.#holds.has(name)) this.client.close(name);
			},
			() => {} // Changes still unstored (offline): the document stays open and sends them when it can.
		);
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
