/**
 * Recipients one slice reaches, one slice per turn of the event loop; at about 15 µs a
 * recipient (measured at the conference), a slice holds the loop for about 1.5 ms.
 */
export const SLICE_RECIPIENTS = 100;

/** Sends to a whole room (its name) or to the connections listed (their ids). */
export type SendTo = (to: string | string[]) => void;

interface Job {
	room: string;
	workshopId: string;
	recipients: string[];
	next: number;
	send: SendTo;
	sent: Promise<void>;
	markSent: () => void;
}

const NOTHING_PENDING = Promise.resolve();

/**
 * Sends each document change to a large room (a conference's `control`, open by up to
 * 1,000 people) one slice of its members at a time, giving the event loop back between
 * slices. Sent in one go, such a change held the loop for about 15 ms, and every group's
 * edits waited behind it. A room of up to SLICE_RECIPIENTS gets the change at once, as before.
 *
 * Order: one queue for all rooms, and a change to a room with changes still queued waits
 * behind them, so everyone gets a document's changes in the order they were made. Whoever
 * joins a room after a change was queued has it from the sync that follows their join.
 */
export class SlicedBroadcast {
	readonly #members: (room: string) => ReadonlySet<string> | undefined;
	readonly #queue: Job[] = [];
	readonly #lastOfRoom = new Map<string, Job>();
	readonly #lastOfWorkshop = new Map<string, Job>();
	#scheduled = false;

	/** `members`: the ids of the connections in a room on this instance right now. */
	constructor(members: (room: string) => ReadonlySet<string> | undefined) {
		this.#members = members;
	}

	send(workshopId: string, room: string, send: SendTo): void {
		const members = this.#members(room);
		if (!members || members.size === 0) return;
		if (members.size <= SLICE_RECIPIENTS && !this.#lastOfRoom.has(room)) {
			send(room);
			return;
		}
		let markSent = () => {};
		const sent = new Promise<void>((resolve) => (markSent = resolve));
		const job: Job = { room, workshopId, recipients: [...members], next: 0, send, sent, markSent };
		this.#queue.push(job);
		this.#lastOfRoom.set(room, job);
		this.#lastOfWorkshop.set(workshopId, job);
		// The first slice goes out now unless other changes are waiting to go first.
		if (this.#queue.length === 1) this.#drain();
	}

	/**
	 * Resolves once every change to this room queued so far has reached all its members:
	 * an edit is answered only after its author could see it.
	 */
	roomSettled(room: string): Promise<void> {
		return this.#lastOfRoom.get(room)?.sent ?? NOTHING_PENDING;
	}

	/** The same for every room of a workshop, for a method command that may change several documents. */
	workshopSettled(workshopId: string): Promise<void> {
		return this.#lastOfWorkshop.get(workshopId)?.sent ?? NOTHING_PENDING;
	}

	/** Sends the next slice of the first queued change, then gives the event loop back. */
	readonly #drain = (): void => {
		this.#scheduled = false;
		const job = this.#queue[0];
		if (!job) return;
		const slice = job.recipients.slice(job.next, job.next + SLICE_RECIPIENTS);
		job.next += slice.length;
		job.send(slice);
		if (job.next >= job.recipients.length) this.#finish(this.#queue.shift()!);
		if (this.#queue.length > 0 && !this.#scheduled) {
			this.#scheduled = true;
			setImmediate(this.#drain);
		}
	};

	#finish(job: Job): void {
		if (this.#lastOfRoom.get(job.room) === job) this.#lastOfRoom.delete(job.room);
		if (this.#lastOfWorkshop.get(job.workshopId) === job) this.#lastOfWorkshop.delete(job.workshopId);
		job.markSent();
	}
}
