import { afterEach } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import { SyncClient } from '../../src/lib/client/sync-client';
import { wireParser } from '../../src/lib/transport/wire-parser';

/** A real socket.io + Yjs client as a participant or facilitator, with its own connection. */
export function connectClient(url: string, workshop: string, credentials: { participant: string } | { facilitator: string }): SyncClient {
	return new SyncClient({ url, workshop, ...credentials, socket: { forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 500 } });
}

/**
 * A hand-written client: bare socket.io with the app's framing and nothing of the app's
 * client code (`parser: null` speaks socket.io's default encoding instead of ours).
 * `hear` gets every event from the server, from the first one on. Resolves once
 * connected, rejects with the server's refusal.
 */
export function rawSocket(
	url: string,
	auth: Record<string, unknown>,
	options: { parser?: unknown; hear?: (event: string, ...args: unknown[]) => void } = {}
): Promise<Socket> {
	const parser = options.parser === undefined ? wireParser : options.parser;
	const socket = ioClient(url, { forceNew: true, transports: ['websocket'], auth, reconnection: false, ...(parser ? { parser } : {}) });
	if (options.hear) socket.onAny(options.hear);
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', (error) => {
			socket.disconnect();
			reject(error);
		});
	});
}

/**
 * Moves a workshop to a phase as its facilitator would, so participants may write
 * the cards of that phase (the server refuses cards written ahead of the phase).
 */
export async function openPhase(
	url: string,
	workshop: { id: string; facilitatorSecret: string },
	phase: 'samverkan' | 'onskvard' | 'tillganglig' | 'nasta-steg'
): Promise<void> {
	const facilitator = connectClient(url, workshop.id, { facilitator: workshop.facilitatorSecret });
	try {
		const result = await facilitator.command({ type: 'phase.set', phase });
		if (!result.ok) throw new Error(`could not open phase ${phase}: ${result.error.message}`);
		// Wishes are written privately by default; these tests share them straight away.
		await facilitator.command({ type: 'rules.set', phase, rules: { privateWriting: false } });
	} finally {
		facilitator.destroy();
	}
}

/**
 * `connect` for one describe block: every client it opens is closed after each test, so
 * a failed test leaves no connection behind for the next. Call it inside the describe.
 */
export function clientsClosedAfterEach(): (...args: Parameters<typeof connectClient>) => SyncClient {
	const clients: SyncClient[] = [];
	afterEach(() => clients.splice(0).forEach((client) => client.destroy()));
	return (...args) => {
		const client = connectClient(...args);
		clients.push(client);
		return client;
	};
}
