import { describe, expect, it } from 'vitest';
import { attachLoopStories, type LoopStory } from './loop-stories';
import { findLoops } from './loops';
import type { Link, SystemMap } from './map';

const factors = ['a', 'b', 'c'].map((id) => ({ id, label: id, kind: 'faktor' as const }));
const ring = (links: Link[]): SystemMap => ({ factors, links });
const ab = (id: string, polarity: '+' | '-' = '+'): Link => ({ id, from: 'a', to: 'b', polarity });
const ba: Link = { id: 'ba', from: 'b', to: 'a', polarity: '+' };
const bc: Link = { id: 'bc', from: 'b', to: 'c', polarity: '+' };
const cb: Link = { id: 'cb', from: 'c', to: 'b', polarity: '-' };

const story = (key: string, name: string, kind: 'R' | 'B' = 'R'): LoopStory => ({
	key,
	name,
	factors: ['a', 'b'],
	kind
});

describe('attachLoopStories', () => {
	it('keeps a story on its loop across a recomputation by key', () => {
		const map = ring([ab('ab'), ba, bc, cb]);
		const result = attachLoopStories({ map, search: findLoops(map), stories: [story('ab ba', 'Goda cirkeln')] });
		expect(result.loops.find((loop) => loop.key === 'ab ba')?.story?.name).toBe('Goda cirkeln');
		expect(result.loops.find((loop) => loop.key === 'bc cb')?.story).toBeUndefined();
		expect(result.orphans).toEqual([]);
		expect(result.rekeyed).toEqual([]);
	});

	it('moves a story to the same loop after a link was deleted and drawn again', () => {
		const map = ring([ab('ab-new'), ba]);
		const result = attachLoopStories({ map, search: findLoops(map), stories: [story('ab ba', 'Goda cirkeln')] });
		expect(result.loops[0]?.story).toEqual({ ...story('ab-new ba', 'Goda cirkeln') });
		expect(result.rekeyed).toEqual([{ from: 'ab ba', to: 'ab-new ba' }]);
	});

	it('does not move a story when the polarity changed the kind of loop', () => {
		const map = ring([ab('ab-new', '-'), ba]);
		const result = attachLoopStories({ map, search: findLoops(map), stories: [story('ab ba', 'Goda cirkeln')] });
		expect(result.loops[0]?.story).toBeUndefined();
		expect(result.orphans.map((orphan) => orphan.name)).toEqual(['Goda cirkeln']);
	});

	it('does not guess when two new loops fit the old story equally well', () => {
		const map = ring([ab('ab1'), ab('ab2'), ba]);
		const result = attachLoopStories({ map, search: findLoops(map), stories: [story('ab ba', 'Goda cirkeln')] });
		expect(result.loops.every((loop) => loop.story === undefined)).toBe(true);
		expect(result.orphans).toHaveLength(1);
	});

	it('still shows a named loop that a truncated search did not reach', () => {
		const map = ring([ab('ab'), ba, bc, cb]);
		const search = findLoops(map, { cap: 1 });
		expect(search.truncated).toBe(true);
		const named: LoopStory = { key: 'bc cb', name: 'Spiralen', factors: ['b', 'c'], kind: 'B' };
		const result = attachLoopStories({ map, search, stories: [named] });
		expect(result.loops.map((loop) => loop.key)).toEqual(['ab ba', 'bc cb']);
		expect(result.loops[1]?.story?.name).toBe('Spiralen');
		expect(result.orphans).toEqual([]);
	});
});
