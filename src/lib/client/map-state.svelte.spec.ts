import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addIndicator } from '$lib/sync/indicators';
import { addFactors, addLink, readMap } from '$lib/sync/map';
import { MapState } from './map-state.svelte';
import { SharedDoc } from './shared-doc';

const participant = { authorId: 'p1', sector: 'skola' as const };

/** A shared document holding what `source` holds, whose commands stay pending: the preview shows them. */
function sharedOf(name: string, source: Y.Doc): SharedDoc {
	let seq = 0;
	const shared = new SharedDoc(name, { number: () => ({ client: 'test-tab', seq: ++seq }), send: () => new Promise(() => {}) });
	shared.applyRemote(Y.encodeStateAsUpdate(source));
	return shared;
}

function withTriangle(): { doc: SharedDoc; map: MapState } {
	const source = new Y.Doc();
	const doc = source;
	const author = { authorId: 'facilitator', sector: 'facilitator' as const };
	addFactors(
		doc,
		{
			factors: [
				{ id: 'a', label: 'A', kind: 'faktor', x: 0, y: 0 },
				{ id: 'b', label: 'B', kind: 'faktor', x: 200, y: 0 },
				{ id: 'c', label: 'C', kind: 'faktor' }
			],
			author
		},
		'test'
	);
	addLink(doc, { link: { id: 'ab', from: 'a', to: 'b', polarity: '+' }, author }, 'test');
	addLink(doc, { link: { id: 'bc', from: 'b', to: 'c', polarity: '+' }, author }, 'test');
	const shared = sharedOf('map:plenary', source);
	return { doc: shared, map: new MapState({ doc: shared, author: participant }) };
}

describe('MapState', () => {
	it('finds a loop as soon as a link closes it, and reclassifies it when a polarity flips', () => {
		const { map } = withTriangle();
		expect(map.loopView.loops).toEqual([]);
		const result = map.addLink({ from: 'c', to: 'a', polarity: '+' });
		expect(result.ok).toBe(true);
		expect(map.loopView.loops.map((loop) => [loop.kind, loop.factors])).toEqual([['R', ['a', 'b', 'c']]]);
		map.flip('ab');
		expect(map.loopView.loops[0]?.kind).toBe('B');
	});

	it('keeps the same loop list object while factors only move', () => {
		const { map } = withTriangle();
		map.addLink({ from: 'c', to: 'a', polarity: '-' });
		const before = map.loopView;
		map.move('a', { x: 40, y: 40 }, { pin: true });
		expect(map.loopView).toBe(before);
		expect(map.factorById.get('a')).toMatchObject({ x: 40, y: 40, pinned: true });
	});

	it('refuses a second link between the same factors in the same direction, and a link to itself', () => {
		const { map } = withTriangle();
		expect(map.addLink({ from: 'a', to: 'b', polarity: '-' })).toEqual({ ok: false, reason: 'exists' });
		expect(map.addLink({ from: 'a', to: 'a', polarity: '+' })).toEqual({ ok: false, reason: 'same' });
		expect(map.addLink({ from: 'b', to: 'a', polarity: '-' }).ok).toBe(true);
	});

	it('places waiting factors without moving the ones already placed', () => {
		const { map } = withTriangle();
		expect(map.unplaced.map((factor) => factor.id)).toEqual(['c']);
		map.placeUnplaced();
		expect(map.unplaced).toEqual([]);
		expect(map.factorById.get('a')).toMatchObject({ x: 0, y: 0 });
		expect(map.factorById.get('b')).toMatchObject({ x: 200, y: 0 });
	});

	it('adds only the starter factors whose label is not on the map yet, in the participant’s name', () => {
		const { doc, map } = withTriangle();
		const added = map.addStarters([
			{ label: ' a ', kind: 'faktor' },
			{ label: 'Trygghet', kind: 'faktor' },
			{ label: 'trygghet', kind: 'insats' }
		]);
		expect(added).toBe(1);
		expect(readMap(doc.doc).factors.filter((factor) => factor.label === 'Trygghet')).toMatchObject([
			{ authorId: 'p1', proposedBySector: 'skola' }
		]);
	});

	it('highlights what drives and what is driven by the selected factor, and dims the rest', () => {
		const { map } = withTriangle();
		map.selectFactor('b');
		expect([map.factorEmphasis('a'), map.factorEmphasis('b'), map.factorEmphasis('c')]).toEqual(['upstream', 'focus', 'downstream']);
		expect([map.linkEmphasis('ab'), map.linkEmphasis('bc')]).toEqual(['upstream', 'downstream']);
		map.propose({ label: 'Ensam', kind: 'faktor' });
		const lonely = map.snapshot.factors.find((factor) => factor.label === 'Ensam');
		expect(map.factorEmphasis(lonely?.id ?? '')).toBe('dim');
	});

	it('switches from a factor focus to a loop highlight and keeps a named loop’s story across a redraw', () => {
		const { map } = withTriangle();
		map.addLink({ from: 'c', to: 'a', polarity: '+' });
		map.selectFactor('a');
		const [loop] = map.loopView.loops;
		map.selectLoop(loop?.key ?? null);
		expect(map.selectedFactorId).toBeNull();
		expect(map.factorEmphasis('c')).toBe('loop');
		map.saveStory(loop!, { name: 'Snurran', story: 'Data + berättelse' });
		const redrawn = map.snapshot.links.find((link) => link.from === 'c');
		map.removeLink(redrawn!.id);
		map.addLink({ from: 'c', to: 'a', polarity: '+' });
		expect(map.loopView.loops[0]?.story).toMatchObject({ name: 'Snurran', story: 'Data + berättelse' });
		expect(map.loopView.orphans).toEqual([]);
	});

	it('lets a participant remove only what the server would let them remove', () => {
		const { map } = withTriangle();
		const mine = map.propose({ label: 'Mitt förslag', kind: 'aktor' });
		expect(map.mayRemoveFactor(mine)).toBe(true);
		expect(map.mayRemoveFactor('a')).toBe(false);
		map.removeFactor(mine);
		expect(map.factorById.has(mine)).toBe(false);
	});

	it('offers the workshop’s indicators as they arrive and links a factor to one', async () => {
		const { doc } = withTriangle();
		const indicators = sharedOf('indicators', new Y.Doc());
		const map = new MapState({ doc, author: participant, indicators });
		expect(map.indicators).toEqual([]);
		const source = new Y.Doc();
		addIndicator(
			source,
			{ id: 'skolfranvaro', meta: { namn: 'Andel elever med hög frånvaro' }, createdAt: '2026-11-01T10:00:00Z' },
			'test'
		);
		const heard = new Promise<void>((resolve) => indicators.onChange(resolve));
		indicators.applyRemote(Y.encodeStateAsUpdate(source));
		await heard;
		expect(map.indicators).toEqual([{ id: 'skolfranvaro', name: 'Andel elever med hög frånvaro', unit: undefined, observations: [] }]);
		map.updateFactor({ id: 'a', indicatorId: 'skolfranvaro' });
		expect(map.indicatorName(map.factorById.get('a')?.indicatorId)).toBe('Andel elever med hög frånvaro');
		map.updateFactor({ id: 'a', indicatorId: null });
		expect(map.factorById.get('a')?.indicatorId).toBeUndefined();
		map.destroy();
	});
});
