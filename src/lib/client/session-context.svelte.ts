import { getContext, setContext } from 'svelte';
import type { WorkshopSession } from './workshop-session.svelte';

const KEY = Symbol('workshop-session');

/**
 * One socket per browser tab and workshop, opened by the workshop layout and
 * shared by its pages (board, map, data) so moving between them does not reconnect.
 */
export class SessionHolder {
	current = $state<WorkshopSession | null>(null);
}

export function provideSession(): SessionHolder {
	return setContext(KEY, new SessionHolder());
}

export function useSession(): SessionHolder {
	return getContext<SessionHolder>(KEY);
}
