import type { Server as HttpServer } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { Server, type Socket } from 'socket.io';
import { FACILITATOR_AUTHOR, type MethodActor } from '$lib/domain/method/method-actor';
import { canAccessDoc, type Actor } from '$lib/domain/workshop/access';
import { isStandingDoc, parseDocName, type DocName } from '$lib/domain/workshop/documents';
import type { Sector } from '$lib/domain/workshop/sectors';
import {
	MAX_OPEN_DOCS,
	MAX_UPDATE_BYTES,
	PROTOCOL_VERSION,
	docNameSchema,
	facilitatorCookie,
	handshakeSchema,
	participantCookie,
	type Ack,
	type ClientToServerEvents,
	type CommandAck,
	type CardCounts,
	type ErrorCode,
	type HandshakeDoc,
	type InterServerEvents,
	type PresenceEntry,
	type ServerToClientEvents
} from '$lib/sync/protocol';
import { readControl } from '$lib/sync/control';
import { commandEnvelopeSchema, type CommandAuthor } from '$lib/sync/doc-commands';
import { methodCommandSchema } from '$lib/sync/method-commands';
import { wireParser } from '$lib/transport/wire-parser';
import { decodeYMessage, encodeSyncStep2, encodeUpdate, isAheadOf, stateVectorFromText } from '$lib/sync/yjs-messages';
import { MethodError } from '../method/method-error';
import type { MethodService } from '../method/method-service';
import type { Storage } from '../persistence/storage';
import { log } from '../log';
import { TokenBucket } from '../rate-limit';
import { TooManyLookupsError, findWorkshopGuarded } from '../lookup-guard';
import { authenticate } from '../workshops';
import { isWorkshopClosed } from '../archive/status-cache';
import { StorageBacklogError, type DocRegistry, type LiveDoc } from './doc-registry';
import { CommandRefusedError, type DocCommandService } from './doc-commands';
import { SlicedBroadcast } from './sliced-broadcast';
import { CardTally } from './card-tally';

interface SocketData {
	actor: Actor;
	/** What this person's new cards, factors and readings are recorded as. */
	author: CommandAuthor;
	/** How a participant shows in the facilitators' list of who is here; null for a facilitator. */
	presence: { displayName: string; sector: Sector; joinedAt: string } | null;
	workshopId: string;
	/** The co-facilitator link this facilitator came in through; revoking it closes the connection. */
	linkId: string | null;
	/** Documents this socket opened, by name. */
	docs: Map<string, Promise<LiveDoc>>;
	bucket: TokenBucket;
	/** Yjs messages of this socket are handled one after another, in the order sent. */
	inbox: Promise<void>;
}

type DialogSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type DialogServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const docRoom = (workshopId: string, docName: string) => `d:${workshopId}/${docName}`;
export const workshopRoom = (workshopId: string) => `w:${workshopId}`;
export const facilitatorRoom = (workshopId: string) => `f:${workshopId}`;
export const facilitatorLinkRoom = (linkId: string) => `fl:${linkId}`;

class ProtocolError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly key?: string
	) {
		super(message);
	}
}

const failure = (code: ErrorCode, message: string, key?: string): Ack => ({ ok: false, error: { code, message, ...(key ? { key } : {}) } });
const closedError = () =>
	new ProtocolError('forbidden', 'the workshop is closed; the facilitator must reopen it before anything can change', 'closed');

export interface RealtimeOptions {
	httpServer: HttpServer;
	storage: Storage;
	docs: DocRegistry;
	method: MethodService;
	commands: DocCommandService;
	/** Other instances serve the same workshops through Redis (server-side events reach them). */
	behindRedis: boolean;
}

/**
 * Attaches socket.io to the app's HTTP server and relays Yjs sync between clients
 * and the server's copy of each document. Handlers stay thin: validate, authorise,
 * then hand over to the registry.
 */
export function attachRealtime(options: RealtimeOptions): DialogServer {
	const { storage, docs, method, commands } = options;
	const io: DialogServer = new Server(options.httpServer, {
		maxHttpBufferSize: MAX_UPDATE_BYTES + 4096,
		serveClient: false,
		connectionStateRecovery: undefined,
		parser: wireParser
	});
	// Every change to a document reaches everyone on this instance who has it open (its author
	// included: only the server writes), a large room one slice at a time.
	const broadcasts = new SlicedBroadcast((room) => io.of('/').adapter.rooms.get(room));
	// Facilitators hear how many private cards wait for the reveal and how many cards each
	// group has, from every instance.
	const tellFacilitators = (workshopId: string, counts: CardCounts) => io.to(facilitatorRoom(workshopId)).emit('cards:counted', counts);
	const tally = new CardTally({
		send: tellFacilitators,
		load: async (workshopId, name) => (await docs.get(workshopId, name)).doc
	});
	docs.use({
		onChange: (live, update) => {
			const message = encodeUpdate(update);
			broadcasts.send(live.workshopId, docRoom(live.workshopId, live.name), (to) => io.local.to(to).emit('y', live.name, message));
			tally.touched(live.workshopId, live.name, live.doc);
		},
		onDrop: (workshopId) => tally.forget(workshopId)
	});
	const sendCardCounts = (workshopId: string) => {
		const counts = tally.counts(workshopId);
		if (Object.keys(counts.drafts).length > 0 || Object.keys(counts.groups).length > 0) tellFacilitators(workshopId, counts);
	};
	io.on('cards:ask', sendCardCounts);
	/** The documents each handshake asked to open, until the connection is made. */
	const openAtConnect = new WeakMap<DialogSocket, HandshakeDoc[]>();

	io.use(async (socket, next) => {
		try {
			const parsed = handshakeSchema.safeParse(socket.handshake.auth);
			if (!parsed.success) throw new ProtocolError('bad_request', `invalid handshake: ${describeIssue(parsed.error.issues[0])}`);
			const hello = parsed.data;
			if (hello.protocol < PROTOCOL_VERSION) throw new ProtocolError('clientTooOld', 'reload the page to update');
			if (hello.protocol > PROTOCOL_VERSION) throw new ProtocolError('serverTooOld', 'the server is older than this page');
			const workshop = await findWorkshopGuarded(storage, hello.workshop, socket.handshake).catch((error) => {
				if (error instanceof TooManyLookupsError) throw new ProtocolError('rate_limited', error.message);
				throw error;
			});
			if (!workshop) throw new ProtocolError('not_found', 'no such workshop');
			const cookies = parseCookies(socket.request.headers.cookie ?? '');
			const actor = await authenticate(storage, {
				workshop,
				facilitatorSecret: hello.facilitator ?? cookies[facilitatorCookie(workshop.id)],
				participantSession: hello.participant ?? cookies[participantCookie(workshop.id)]
			});
			if (!actor) throw new ProtocolError('unauthorized', 'join the workshop first');
			const who = await whoIs(storage, actor);
			if (!who) throw new ProtocolError('unauthorized', 'join the workshop first');
			socket.data = {
				actor,
				...who,
				workshopId: workshop.id,
				linkId: actor.linkId ?? null,
				docs: new Map(),
				// Generous for people, tight for floods: 100 messages/s sustained, bursts of 300.
				bucket: new TokenBucket(300, 100),
				inbox: Promise.resolve()
			};
			openAtConnect.set(socket, hello.open ?? []);
			next();
		} catch (error) {
			const problem = error instanceof ProtocolError ? error : new ProtocolError('unavailable', 'the server cannot check you in now');
			if (!(error instanceof ProtocolError)) log.error('socket.handshake_failed', { error });
			next(Object.assign(new Error(problem.message), { data: { code: problem.code, message: problem.message } }));
		}
	});

	io.on('connection', (socket: DialogSocket) => {
		const { actor, workshopId, linkId } = socket.data;
		void socket.join(workshopRoom(workshopId));
		if (actor.role === 'facilitator') {
			void socket.join(facilitatorRoom(workshopId));
			sendCardCounts(workshopId);
			if (options.behindRedis) io.serverSideEmit('cards:ask', workshopId);
			// The groups nobody here has opened since the server started are loaded and counted.
			docs.get(workshopId, 'control').then(
				(live) => tally.touched(workshopId, 'control', live.doc),
				(error) => log.warn('tally.control_load_failed', { workshopId, error })
			);
		}
		if (linkId) void socket.join(facilitatorLinkRoom(linkId));
		schedulePresence(workshopId);
		for (const wanted of openAtConnect.get(socket) ?? []) openFromHandshake(socket, wanted);
		openAtConnect.delete(socket);

		socket.on('doc:open', async (docName, ack) => {
			const reply = typeof ack === 'function' ? ack : () => {};
			try {
				if (!socket.data.bucket.take()) throw new ProtocolError('rate_limited', 'too many messages, slow down');
				await openDoc(socket, docName);
				reply({ ok: true });
			} catch (error) {
				reply(toFailure(error, socket));
			}
		});

		socket.on('doc:close', (docName) => {
			if (typeof docName !== 'string' || !socket.data.docs.has(docName)) return;
			socket.data.docs.delete(docName);
			void socket.leave(docRoom(workshopId, docName));
		});

		socket.on('y', (docName, payload, ack) =>
			inOrder(socket, docName, ack, () => {
				const bytes = asBytes(payload);
				if (bytes.byteLength > MAX_UPDATE_BYTES) throw new ProtocolError('too_large', `message exceeds ${MAX_UPDATE_BYTES / 1024} KB`);
				return (live) => handleYMessage(socket, live, bytes);
			})
		);

		socket.on('edit', (docName, payload, ack) =>
			inOrder(socket, docName, ack, () => {
				const parsed = commandEnvelopeSchema.safeParse(payload);
				if (!parsed.success) throw new ProtocolError('bad_request', `invalid command: ${describeIssue(parsed.error.issues[0])}`);
				return (live) => commands.run(socket.data, live, parsed.data);
			})
		);

		socket.on('command', async (payload, ack) => {
			const reply = typeof ack === 'function' ? ack : (result: CommandAck) => !result.ok && socket.emit('problem', result.error);
			try {
				if (!socket.data.bucket.take()) throw new ProtocolError('rate_limited', 'too many messages, slow down');
				const parsed = methodCommandSchema.safeParse(payload);
				if (!parsed.success) throw new ProtocolError('bad_request', `invalid command: ${parsed.error.issues[0]?.message ?? ''}`);
				if (parsed.data.type !== 'vote.view' && (await isWorkshopClosed(storage.workshops, workshopId))) throw closedError();
				const value = await method.run(socket.data.actor, parsed.data);
				await broadcasts.workshopSettled(workshopId);
				reply(value === undefined ? { ok: true } : { ok: true, value });
			} catch (error) {
				if (error instanceof MethodError) {
					log.warn('command.refused', { socketId: socket.id, workshopId, code: error.code, reason: error.message });
					reply(failure(error.code, error.message, error.key));
				} else {
					reply(toFailure(error, socket));
				}
			}
		});

		socket.on('disconnect', () => schedulePresence(workshopId));
	});

	/**
	 * A message about an open document, handled after everything the socket sent before it
	 * (a browser's next command may build on its previous one). `check` runs at once, so a
	 * flood or a malformed message is refused without queueing; it returns the work to do
	 * in turn. The answer is `{ ok: true }` once the work is done (stored), or the failure.
	 */
	function inOrder(socket: DialogSocket, docName: unknown, ack: unknown, check: () => (live: LiveDoc) => Promise<void>): void {
		const reply =
			typeof ack === 'function' ? (ack as (result: Ack) => void) : (result: Ack) => !result.ok && socket.emit('problem', result.error);
		let work: (live: LiveDoc) => Promise<void>;
		let pending: Promise<LiveDoc> | undefined;
		try {
			if (!socket.data.bucket.take()) throw new ProtocolError('rate_limited', 'too many messages, slow down');
			work = check();
			pending = typeof docName === 'string' ? socket.data.docs.get(docName) : undefined;
			if (!pending) throw new ProtocolError('bad_request', 'open the document first');
		} catch (error) {
			reply(toFailure(error, socket));
			return;
		}
		const live = pending;
		socket.data.inbox = socket.data.inbox.then(async () => {
			try {
				const doc = await live;
				await work(doc);
				await broadcasts.roomSettled(docRoom(doc.workshopId, doc.name));
				reply({ ok: true });
			} catch (error) {
				reply(toFailure(error, socket));
			}
		});
	}

	async function openDoc(socket: DialogSocket, docName: unknown): Promise<LiveDoc> {
		const name = docNameSchema.safeParse(docName);
		const parsed = name.success ? parseDocName(name.data) : null;
		if (!name.success || !parsed) throw new ProtocolError('bad_request', 'unknown document name');
		if (!canAccessDoc({ actor: socket.data.actor, doc: parsed, mode: 'read' })) {
			throw new ProtocolError('forbidden', 'you may not open this document');
		}
		let pending = socket.data.docs.get(name.data);
		if (!pending) {
			if (socket.data.docs.size >= MAX_OPEN_DOCS) {
				throw new ProtocolError('rate_limited', `at most ${MAX_OPEN_DOCS} documents may be open on one connection; close some first`);
			}
			// Registered at once, so a SyncStep1 the client sends right behind doc:open (without
			// waiting for its answer) waits for the document instead of being refused.
			pending = subscribe(socket, name.data, parsed);
			socket.data.docs.set(name.data, pending);
			pending.catch(() => socket.data.docs.delete(name.data));
		}
		return pending;
	}

	/**
	 * A document the handshake named: opened as `doc:open` would, then answered, in turn with
	 * what the socket sends next, by what the copy lacks and `doc:opened`.
	 */
	function openFromHandshake(socket: DialogSocket, { doc, sv }: HandshakeDoc): void {
		const opening = socket.data.bucket.take()
			? openDoc(socket, doc)
			: Promise.reject(new ProtocolError('rate_limited', 'too many messages, slow down'));
		opening.catch(() => {}); // answered in turn below
		socket.data.inbox = socket.data.inbox.then(async () => {
			try {
				sendMissing(socket, await opening, stateVectorFromText(sv));
				socket.emit('doc:opened', doc, { ok: true });
			} catch (error) {
				socket.emit('doc:opened', doc, toFailure(error, socket));
			}
		});
	}

	/** Loads the document if this socket may open it, and joins its room before anything is sent. */
	async function subscribe(socket: DialogSocket, name: string, parsed: DocName): Promise<LiveDoc> {
		if (!(await mayOpen(socket.data.actor, socket.data.workshopId, name, parsed))) {
			throw new ProtocolError('not_found', 'no such document in this workshop');
		}
		const live = await docs.get(socket.data.workshopId, name);
		await socket.join(docRoom(socket.data.workshopId, live.name));
		tally.touched(live.workshopId, live.name, live.doc);
		return live;
	}

	/**
	 * A removed map is closed to everyone. A participant opens only what the workshop
	 * has: loaded here, standing (see isStandingDoc) or stored.
	 */
	async function mayOpen(actor: Actor, workshopId: string, name: string, parsed: DocName): Promise<boolean> {
		const control = readControl((await docs.get(workshopId, 'control')).doc);
		if (parsed.kind === 'map' && control.removedMaps.includes(parsed.sub)) return false;
		if (actor.role === 'facilitator' || docs.peek(workshopId, name)) return true;
		if (
			isStandingDoc(
				parsed,
				control.groups.map((group) => group.id)
			)
		)
			return true;
		return (await storage.docs.listDocNames(workshopId)).includes(name);
	}

	/**
	 * Readers only catch up: a client sends its state vector and gets what it lacks.
	 * Changes arrive as commands (`edit`), so any update a client sends is refused.
	 */
	async function handleYMessage(socket: DialogSocket, live: LiveDoc, bytes: Uint8Array): Promise<void> {
		let message;
		try {
			message = decodeYMessage(bytes);
		} catch {
			throw new ProtocolError('bad_request', 'malformed Yjs message');
		}
		if (message.type === 'update') throw new ProtocolError('forbidden', 'shared documents change only through commands');
		sendMissing(socket, live, message.stateVector);
	}

	/** Sends the socket what a copy with this state vector lacks. */
	function sendMissing(socket: DialogSocket, live: LiveDoc, stateVector: Uint8Array): void {
		let reply: Uint8Array;
		try {
			if (isAheadOf(live.doc, stateVector)) {
				throw new ProtocolError('conflict', 'your copy holds changes the server does not have; start the document over');
			}
			reply = encodeSyncStep2(live.doc, stateVector);
		} catch (error) {
			if (error instanceof ProtocolError) throw error;
			throw new ProtocolError('bad_request', 'malformed state vector');
		}
		socket.emit('y', live.name, reply);
	}

	const presenceTimers = new Map<string, ReturnType<typeof setTimeout>>();
	/** Debounced so 300 people joining at once do not cause 300² messages. */
	function schedulePresence(workshopId: string): void {
		if (presenceTimers.has(workshopId)) return;
		presenceTimers.set(
			workshopId,
			setTimeout(() => {
				presenceTimers.delete(workshopId);
				void broadcastPresence(workshopId).catch((error) => log.error('presence.failed', { workshopId, error }));
			}, 100)
		);
	}

	/** Who is here, from what each connection learnt at its handshake: no database read while people pour in. */
	async function broadcastPresence(workshopId: string): Promise<void> {
		const sockets = await io.in(workshopRoom(workshopId)).fetchSockets();
		const people = new Map<string, PresenceEntry & { joinedAt: string }>();
		for (const { data } of sockets) {
			if (data.actor?.role !== 'participant' || !data.presence) continue;
			const known = people.get(data.actor.participantId);
			if (known) known.connections++;
			else people.set(data.actor.participantId, { participantId: data.actor.participantId, ...data.presence, connections: 1 });
		}
		const entries: PresenceEntry[] = [...people.values()]
			.sort((a, b) => a.joinedAt.localeCompare(b.joinedAt) || a.participantId.localeCompare(b.participantId))
			.map(({ participantId, displayName, sector, connections }) => ({ participantId, displayName, sector, connections }));
		io.to(facilitatorRoom(workshopId)).emit('presence:list', entries);
	}

	return io;
}

/** Participants connected to a workshop right now (on any instance), with their sectors. */
export async function presentParticipants(
	io: DialogServer,
	storage: Storage,
	workshopId: string
): Promise<{ id: string; sector: Sector; organisation: string | null }[]> {
	const sockets = await io.in(workshopRoom(workshopId)).fetchSockets();
	const ids = new Set(sockets.flatMap((s) => (s.data.actor?.role === 'participant' ? [s.data.actor.participantId] : [])));
	const participants = await storage.participants.list(workshopId);
	return participants
		.filter((p) => ids.has(p.id))
		.map((p) => ({ id: p.id, sector: p.sector as Sector, organisation: p.organisation ?? null }));
}

/** Whose view of the vote a connection shows: a participant's, or the facilitators'. */
export const voteViewerKey = (actor: MethodActor): string => (actor.role === 'participant' ? actor.participantId : 'facilitator');

/**
 * Sends connected people of a workshop their own view of the vote: those with a key in
 * `viewers` (see `voteViewerKey`), or everyone when it is null.
 */
export async function sendVoteViews(
	io: DialogServer,
	method: MethodService,
	workshopId: string,
	viewers: ReadonlySet<string> | null
): Promise<void> {
	const sockets = await io.in(workshopRoom(workshopId)).fetchSockets();
	const views = new Map<string, Awaited<ReturnType<MethodService['voteViewFor']>>>();
	for (const s of sockets) {
		const actor = s.data.actor;
		if (!actor) continue;
		const key = voteViewerKey(actor);
		if (viewers && !viewers.has(key)) continue;
		if (!views.has(key)) views.set(key, await method.voteViewFor(actor));
		s.emit('vote:view', views.get(key) ?? null);
	}
}

export function isDocInUse(io: DialogServer, live: LiveDoc): boolean {
	return (io.of('/').adapter.rooms.get(docRoom(live.workshopId, live.name))?.size ?? 0) > 0;
}

/**
 * The author recorded on what this actor writes (the facilitator, or the participant with
 * their sector), and how a participant shows in the list of who is here.
 */
async function whoIs(storage: Storage, actor: Actor): Promise<Pick<SocketData, 'author' | 'presence'> | null> {
	if (actor.role === 'facilitator') return { author: { authorId: FACILITATOR_AUTHOR, sector: 'facilitator' }, presence: null };
	const participant = await storage.participants.find(actor.workshopId, actor.participantId);
	if (!participant) return null;
	const sector = participant.sector as Sector;
	return {
		author: { authorId: participant.id, sector },
		presence: { displayName: participant.displayName, sector, joinedAt: participant.createdAt }
	};
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
	return issue ? `${issue.path.map(String).join('.') || 'command'}: ${issue.message}` : 'malformed';
}

function asBytes(payload: unknown): Uint8Array {
	if (payload instanceof Uint8Array) return payload;
	if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
	throw new ProtocolError('bad_request', 'payload must be binary');
}

function toFailure(error: unknown, socket: DialogSocket): Ack {
	if (error instanceof StorageBacklogError) error = new ProtocolError('unavailable', error.message);
	if (error instanceof CommandRefusedError) error = new ProtocolError(error.refusal.code, error.refusal.reason, error.refusal.key);
	if (error instanceof ProtocolError) {
		log.warn('socket.rejected', { socketId: socket.id, workshopId: socket.data.workshopId, code: error.code, reason: error.message });
		return failure(error.code, error.message, error.key);
	}
	log.error('socket.failed', { socketId: socket.id, workshopId: socket.data.workshopId, error });
	return failure('unavailable', 'the server could not save this, try again');
}
