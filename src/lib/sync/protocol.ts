import { z } from 'zod';
import type { CardKind } from '$lib/domain/cards/card';
import type { VoteView } from '$lib/domain/method/vote-tally';
import type { Sector } from '$lib/domain/workshop/sectors';

/**
 * The socket.io wire protocol, shared by server and browser (see PROTOCOL.md).
 * Bump PROTOCOL_VERSION on any breaking change; the server refuses other versions
 * with `clientTooOld` / `serverTooOld` so an old tab reloads instead of corrupting.
 */
export const PROTOCOL_VERSION = 5;

/**
 * Largest message a client may send. Clients send commands and state vectors only (the
 * server writes the documents), and the largest command the schemas allow in practice (a
 * catalogue template of 40 indicators, 50 starter factors) is a few tens of kilobytes;
 * a larger limit only lets one message hold up the server longer.
 */
export const MAX_UPDATE_BYTES = 256 * 1024;

/**
 * Documents one connection may have open at once. A facilitator's projector shows every
 * group's canvas (60 groups at a conference) beside the shared documents; far more than
 * that is a client gone wrong, and each open document holds server memory.
 */
export const MAX_OPEN_DOCS = 200;

/**
 * Documents a handshake may ask to open (see `handshakeSchema.open`): a page's own few, or a
 * projector's side-by-side groups after a reconnect. More are opened with `doc:open`.
 */
export const HANDSHAKE_DOCS_MAX = 16;

/** A state vector in a handshake, base64: one entry per client that wrote the document (only servers do). */
const STATE_VECTOR_TEXT_MAX = 4096;

/** Yjs frames (y-websocket framing): first varUint is the message type; only sync (0) is used. */
export const MESSAGE_SYNC = 0;

export const docNameSchema = z.string().min(1).max(64);

export const handshakeSchema = z.object({
	workshop: z.string().min(1).max(64),
	protocol: z.number().int(),
	/** Participant session `<participantId>.<token>`; browsers send it as an httpOnly cookie instead. */
	participant: z.string().max(200).optional(),
	/** Facilitator secret; browsers send it as an httpOnly cookie instead. */
	facilitator: z.string().max(200).optional(),
	/**
	 * Documents to open as the connection is made, each with the copy's state vector: the
	 * server answers each with what the copy lacks and `doc:opened`, so a page is in sync one
	 * round trip after connecting instead of two.
	 */
	open: z
		.array(
			z.object({
				doc: docNameSchema,
				sv: z
					.string()
					.max(STATE_VECTOR_TEXT_MAX)
					.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'state vector must be base64')
			})
		)
		.max(HANDSHAKE_DOCS_MAX)
		.refine((open) => new Set(open.map((wanted) => wanted.doc)).size === open.length, 'names a document twice')
		.optional()
});
export type Handshake = z.infer<typeof handshakeSchema>;
export type HandshakeDoc = NonNullable<Handshake['open']>[number];

export type ErrorCode =
	| 'bad_request'
	| 'unauthorized'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'too_large'
	| 'rate_limited'
	| 'unavailable'
	| 'clientTooOld'
	| 'serverTooOld'
	| 'internal';

export interface ProblemBody {
	code: ErrorCode;
	message: string;
	/** For a refused command: the rule's stable key (e.g. `phase-locked`), which the browser translates. */
	key?: string;
}

export type Ack = { ok: true } | { ok: false; error: ProblemBody };

/** Answer to a method command; `value` carries e.g. the caller's own vote view. */
export type CommandAck = { ok: true; value?: unknown } | { ok: false; error: ProblemBody };

export interface PresenceEntry {
	participantId: string;
	displayName: string;
	sector: Sector;
	/** How many sockets (tabs, devices) this person has open right now. */
	connections: number;
}

export interface ClientToServerEvents {
	'doc:open': (docName: string, ack: (result: Ack) => void) => void;
	'doc:close': (docName: string) => void;
	/** A Yjs sync frame; clients send only SyncStep1 (their state vector) to catch up. */
	y: (docName: string, payload: Uint8Array, ack: (result: Ack) => void) => void;
	/** A command on a shared document (see doc-commands.ts), checked and applied by the server. */
	edit: (docName: string, envelope: unknown, ack: (result: Ack) => void) => void;
	/** A method command (see method-commands.ts), checked and carried out by the server. */
	command: (command: unknown, ack: (result: CommandAck) => void) => void;
}

export interface ServerToClientEvents {
	y: (docName: string, payload: Uint8Array) => void;
	/** The answer to a document named in the handshake's `open`, sent after what the copy lacked. */
	'doc:opened': (docName: string, result: Ack) => void;
	'presence:list': (entries: PresenceEntry[]) => void;
	/** The receiver's own view of the current vote, after any change to the ballot. */
	'vote:view': (view: VoteView | null) => void;
	/** To facilitators: cards in drafts and on group canvases, as counted since the last message (see CardCounts). */
	'cards:counted': (counts: CardCounts) => void;
	problem: (problem: ProblemBody) => void;
}

/** Cards in each participant's draft, by kind, keyed by participant id. */
export type DraftCounts = Record<string, Partial<Record<CardKind, number>>>;

/**
 * What the server counted for a workshop's facilitators. Each server instance sends
 * everything it has counted when a facilitator connects and then only what it counted
 * again; a facilitator merges what arrives, entry by entry.
 */
export interface CardCounts {
	/** The private cards waiting for the reveal. */
	drafts: DraftCounts;
	/** Visible cards on each group's canvas, keyed by group id. */
	groups: Record<string, number>;
}

/** What the instances behind Redis ask each other (socket.io's server-side events). */
export interface InterServerEvents {
	/** A facilitator connected: every instance sends the workshop's card counts it has. */
	'cards:ask': (workshopId: string) => void;
}

/** Cookie names are per workshop so one browser can facilitate one workshop and join another. */
export const facilitatorCookie = (workshopId: string) => `dd_f_${workshopId}`;
export const participantCookie = (workshopId: string) => `dd_p_${workshopId}`;
