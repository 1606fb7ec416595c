import type { LiveDoc, UpdateOrigin } from './doc-registry';

/**
 * What the document registry tells the rest of the server, and when (hocuspocus'
 * extension hooks). Each part of the server that needs to hear of changes registers
 * with `DocRegistry.use`; the registry calls every registered hook in order.
 */
export interface RealtimeHooks {
	/**
	 * Fires for every change applied to a document loaded on this instance: accepted
	 * commands, imports and method changes (`server`) as soon as they are applied and
	 * before they are stored, and changes another instance stored (`relay`). Never for
	 * what was read from storage (`load`). Runs inside the Yjs transaction's update
	 * event, so it must not write to the document; it must not throw.
	 */
	onChange?(live: LiveDoc, update: Uint8Array, origin: UpdateOrigin): void;
	/**
	 * Fires once a change made on this instance is durably stored, in the order the
	 * changes were applied; not for relayed changes (their own instance stored them).
	 */
	afterStore?(live: LiveDoc, update: Uint8Array): void;
	/** Fires when the registry forgets a workshop's documents (it was deleted, or its documents replaced). */
	onDrop?(workshopId: string): void;
}
