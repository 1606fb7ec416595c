import { loopFromKey, type Loop, type LoopKind, type LoopSearch } from './loops';
import type { SystemMap } from './map';

/** What a group wrote about a loop, stored under the loop's key. */
export interface LoopStory {
	key: string;
	name: string;
	story?: string;
	/** The loop's factors and kind when it was named, to find it again if a link was redrawn. */
	factors: string[];
	kind: LoopKind;
}

export interface StoriedLoop extends Loop {
	story?: LoopStory;
}

export interface AttachedStories {
	/** The search's loops with their stories, followed by named loops the cap left out. */
	loops: StoriedLoop[];
	/** Stories whose loop is gone from the map; the UI can offer to delete or keep them. */
	orphans: LoopStory[];
	/** Stories that now belong under a new key; the sync layer should move them. */
	rekeyed: { from: string; to: string }[];
}

/**
 * Re-attaches named loops to freshly computed ones, so a loop's name and story
 * survive every recomputation.
 *
 * Matching is by key first. A named loop whose key vanished is matched to a new
 * loop through the same factors in the same order and of the same kind, if
 * exactly one unnamed loop fits: deleting and redrawing a link then keeps the
 * story, while a polarity change (which turns R into B) does not. A named loop the
 * cap cut off is rebuilt from its key and appended, so a truncated search never
 * hides what the group has named.
 */
export function attachLoopStories(options: { map: SystemMap; search: LoopSearch; stories: readonly LoopStory[] }): AttachedStories {
	const { map, search, stories } = options;
	const byKey = new Map(search.loops.map((loop) => [loop.key, loop]));
	const attached = new Map<string, LoopStory>();
	const unmatched: LoopStory[] = [];
	const extra: StoriedLoop[] = [];

	for (const story of stories) {
		if (byKey.has(story.key)) attached.set(story.key, story);
		else {
			const rebuilt = search.truncated ? loopFromKey(map, story.key) : null;
			if (rebuilt) extra.push({ ...rebuilt, story });
			else unmatched.push(story);
		}
	}

	const shape = (loop: { factors: string[]; kind: LoopKind }) => `${loop.kind} ${loop.factors.join(' ')}`;
	const free = search.loops.filter((loop) => !attached.has(loop.key));
	const orphans: LoopStory[] = [];
	const rekeyed: { from: string; to: string }[] = [];
	for (const story of unmatched) {
		const fits = free.filter((loop) => shape(loop) === shape(story));
		const rivals = unmatched.filter((other) => shape(other) === shape(story));
		const [loop] = fits;
		if (fits.length === 1 && rivals.length === 1 && loop) {
			attached.set(loop.key, { ...story, key: loop.key });
			rekeyed.push({ from: story.key, to: loop.key });
		} else orphans.push(story);
	}

	const loops: StoriedLoop[] = search.loops.map((loop) => {
		const story = attached.get(loop.key);
		return story ? { ...loop, story } : loop;
	});
	return { loops: [...loops, ...extra], orphans, rekeyed };
}
