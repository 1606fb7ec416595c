import type { FollowDestination } from '$lib/domain/method/spotlight';

/** The participant page a following phone opens for `destination`, under `base` (`/w/CODE`). */
export function followHref(base: string, destination: FollowDestination): string {
	switch (destination.page) {
		case 'board':
			return base;
		case 'data':
			return `${base}/data?indicator=${encodeURIComponent(destination.indicatorId)}`;
		case 'map': {
			const loop = destination.loopKey ? `&loop=${encodeURIComponent(destination.loopKey)}` : '';
			return `${base}/map?doc=map:${encodeURIComponent(destination.mapId)}${loop}`;
		}
	}
}

/** Whether the page at `url` already shows `destination`. */
export function isAtDestination(url: URL, base: string, destination: FollowDestination): boolean {
	const path = url.pathname.replace(/\/$/, '');
	switch (destination.page) {
		case 'board':
			return path === base;
		case 'data':
			return path === `${base}/data` && url.searchParams.get('indicator') === destination.indicatorId;
		case 'map': {
			const doc = url.searchParams.get('doc') ?? 'map:plenary';
			return (
				path === `${base}/map` &&
				doc === `map:${destination.mapId}` &&
				(url.searchParams.get('loop') ?? null) === (destination.loopKey ?? null)
			);
		}
	}
}

/**
 * Whether a change of what phones follow should move this phone. A new indicator, map
 * or loop always does; the board only when the phone was following something else (a
 * phone that just joined, or was told "Följ mig" on the board, stays where it is).
 */
export function shouldMove(previous: FollowDestination | null, next: FollowDestination | null): next is FollowDestination {
	if (!next) return false;
	if (previous && JSON.stringify(previous) === JSON.stringify(next)) return false;
	if (next.page === 'board') return previous !== null && previous.page !== 'board';
	return true;
}
