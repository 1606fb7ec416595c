import type { Actor } from '../workshop/access';

/**
 * The part of an {@link Actor} the method rules look at. A full `Actor` from the server
 * can be passed as is; tests and the client can pass just the role and id.
 */
export type MethodActor =
	Pick<Extract<Actor, { role: 'facilitator' }>, 'role'> | Pick<Extract<Actor, { role: 'participant' }>, 'role' | 'participantId'>;

/** The author id recorded on what the facilitator (or the server on their behalf) writes. */
export const FACILITATOR_AUTHOR = 'facilitator';

/** Whether the actor wrote the card. The facilitator authors cards as 'facilitator'. */
export function isAuthor(actor: MethodActor, authorId: string): boolean {
	return actor.role === 'facilitator' ? authorId === FACILITATOR_AUTHOR : actor.participantId === authorId;
}
