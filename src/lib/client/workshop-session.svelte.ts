import type { PresenceEntry, ProblemBody } from '$lib/sync/protocol';
import { SyncClient, type ConnectionStatus } from './sync-client';

/** Reactive view of one browser's connection to a workshop. */
export class WorkshopSession {
	status = $state<ConnectionStatus>('connecting');
	pending = $state(0);
	problem = $state<ProblemBody | null>(null);
	presence = $state<PresenceEntry[]>([]);
	readonly client: SyncClient;
	readonly #unsubscribe: (() => void)[] = [];

	constructor(workshopId: string) {
		this.client = new SyncClient({ workshop: workshopId });
		this.#unsubscribe.push(
			this.client.onStatus(({ status, pending }) => {
				this.status = status;
				this.pending = pending;
			}),
			this.client.onProblem((problem) => (this.problem = problem)),
			this.client.onPresence((entries) => (this.presence = entries))
		);
	}

	destroy(): void {
		this.#unsubscribe.forEach((fn) => fn());
		this.client.destroy();
	}
}
