import type { DocName } from './documents';

/**
 * Who is on the other end of a socket or request, as the server established it
 * from a cookie or bearer secret. Never taken from what a client says about itself.
 */
export type Actor = { role: 'facilitator'; workshopId: string } | { role: 'participant'; workshopId: string; participantId: string };

export type AccessMode = 'read' | 'write';

/**
 * Document-level rule: which documents of its own workshop an actor may read or
 * write. Checks inside a document (whose card is this?) come on top of this.
 */
export function canAccessDoc(options: { actor: Actor; doc: DocName; mode: AccessMode }): boolean {
	const { actor, doc, mode } = options;
	switch (doc.kind) {
		case 'control':
			// Phase, reveal and votes change only through checked commands.
			return mode === 'read';
		case 'canvas':
		case 'map':
			return true;
		case 'indicators':
			// Participants write readings; the guard limits them to that root.
			return true;
		case 'draft':
			if (actor.role === 'facilitator') return mode === 'read';
			return actor.participantId === doc.sub;
		case 'ballots':
			return false;
	}
}

export function isFacilitator(actor: Actor | null, workshopId: string): boolean {
	return actor !== null && actor.role === 'facilitator' && actor.workshopId === workshopId;
}
