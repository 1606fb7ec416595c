import { getContext, setContext, untrack } from 'svelte';
import { WorkshopSession } from './workshop-session.svelte';

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

/**
 * Opens the workshop's session in `holder` (call from a component's setup). Following
 * a link to another workshop (a follow-up, say) closes this one's socket and starts
 * over, instead of showing the old workshop's state.
 */
export function openSession(holder: SessionHolder, workshopId: () => string): void {
	$effect(() => {
		const id = workshopId();
		const session = untrack(() => new WorkshopSession(id));
		holder.current = session;
		return () => {
			session.destroy();
			if (holder.current === session) holder.current = null;
		};
	});
}
