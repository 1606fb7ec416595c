import { afterEach } from 'vitest';
import { SyncClient } from '../../src/lib/client/sync-client';

/** A real socket.io + Yjs client as a participant or facilitator, with its own connection. */
export function connectClient(url: string, workshop: string, credentials: { participant: string } | { facilitator: string }): SyncClient {
	return new SyncClient({ url, workshop, ...credentials, socket: { forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 500 } });
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
