import { SyncClient } from '../../src/lib/client/sync-client';

/** A real socket.io + Yjs client as a participant or facilitator, with its own connection. */
export function connectClient(
	url: string,
	workshop: string,
	credentials: { participant: string } | { facilitator: string }
): SyncClient {
	return new SyncClient({ url, workshop, ...credentials, socket: { forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 500 } });
}
