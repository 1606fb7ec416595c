import type { MethodActor } from '$lib/domain/method/method-actor';
import { log } from '../log';
import { sendVoteViews, voteViewerKey, type DialogServer } from '../realtime/socket-server';
import type { MethodService } from './method-service';

/** In a room of 300, a burst of dots becomes one round of views within this time. */
const DEBOUNCE_MS = 150;

/**
 * Sends people their own view of the vote after it changed: everyone's when the vote
 * opens, closes or changes, only the voter's own screens after a dot. Requests that
 * arrive within DEBOUNCE_MS of each other are sent as one round.
 */
export class VoteViews {
	readonly #io: () => DialogServer | null;
	readonly #method: () => MethodService;
	/** Per workshop, whose views are due: a set of viewer keys, or everyone's. */
	readonly #due = new Map<string, Set<string> | 'everyone'>();

	constructor(options: { io: () => DialogServer | null; method: () => MethodService }) {
		this.#io = options.io;
		this.#method = options.method;
	}

	changed(workshopId: string, whose: MethodActor | 'everyone'): void {
		const due = this.#due.get(workshopId);
		if (due === undefined) setTimeout(() => this.#send(workshopId), DEBOUNCE_MS);
		if (whose === 'everyone' || due === 'everyone') this.#due.set(workshopId, 'everyone');
		else this.#due.set(workshopId, new Set([...(due ?? []), voteViewerKey(whose)]));
	}

	#send(workshopId: string): void {
		const viewers = this.#due.get(workshopId);
		this.#due.delete(workshopId);
		const io = this.#io();
		if (!io) return;
		void sendVoteViews(io, this.#method(), workshopId, viewers === 'everyone' ? null : (viewers ?? new Set())).catch((error) =>
			log.error('vote.views_failed', { workshopId, error })
		);
	}
}
