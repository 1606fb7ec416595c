import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addFactor,
	addFactors,
	addLink,
	flipPolarity,
	mapDocName,
	mapIdOf,
	moveFactors,
	readMap,
	removeFactor,
	removeLink,
	setLoopStory,
	setMapMeta,
	setPinned,
	updateFactor,
	updateLink,
	writeMap,
	type MapAuthor,
	type NewFactor
} from './map';

const alice: MapAuthor = { authorId: 'p1', sector: 'skola' };
const bob: MapAuthor = { authorId: 'p2', sector: 'polis' };
const facilitator: MapAuthor = { authorId: 'facilitator', sector: 'facilitator' };
const factor = (id: string, label = id.toUpperCase()): NewFactor => ({ id, label, kind: 'faktor' });

function triangle(doc: Y.Doc, author: MapAuthor = alice): void {
	addFactors(doc, { factors: [factor('a'), factor('b'), factor('c')], author }, 'test');
	addLink(doc, { link: { id: 'l1', from: 'a', to: 'b', polarity: '+' }, author }, 'test');
	addLink(doc, { link: { id: 'l2', from: 'b', to: 'c', polarity: '+' }, author }, 'test');
	addLink(doc, { link: { id: 'l3', from: 'c', to: 'a', polarity: '-' }, author }, 'test');
}

function sync(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
}

describe('map commands', () => {
	it('adds factors and links and reads them back sorted by id, with author and sector', () => {
		const doc = new Y.Doc();
		addFactor(doc, { factor: { id: 'z', label: '  Sömn  ', kind: 'faktor', note: ' Enkät ' }, author: alice }, 'test');
		addFactor(doc, { factor: { id: 'y', label: 'Fältassistenter', kind: 'aktor', x: 10.04, y: -3 }, author: facilitator }, 'test');
		addLink(doc, { link: { id: 'l', from: 'y', to: 'z', polarity: '-', delay: true, label: ' kvällar ' }, author: bob }, 'test');
		expect(readMap(doc)).toEqual({
			title: null,
			themeId: null,
			factors: [
				{ id: 'y', label: 'Fältassistenter', kind: 'aktor', x: 10, y: -3, authorId: 'facilitator' },
				{ id: 'z', label: 'Sömn', kind: 'faktor', note: 'Enkät', proposedBySector: 'skola', authorId: 'p1' }
			],
			links: [{ id: 'l', from: 'y', to: 'z', polarity: '-', delay: true, label: 'kvällar', authorId: 'p2', sector: 'polis' }],
			stories: []
		});
	});

	it("keeps a starter factor's risk/protective tag and prevention level", () => {
		const doc = new Y.Doc();
		addFactor(
			doc,
			{ factor: { id: 'f', label: 'Ledarledda aktiviteter', kind: 'insats', tag: 'skydd', level: 'universell' }, author: facilitator },
			'test'
		);
		expect(readMap(doc).factors[0]).toMatchObject({ id: 'f', tag: 'skydd', level: 'universell' });
	});

	it('skips factor ids that are already on the map when adding several', () => {
		const doc = new Y.Doc();
		addFactor(doc, { factor: factor('a', 'Först'), author: alice }, 'test');
		addFactors(doc, { factors: [factor('a', 'Igen'), factor('b')], author: bob }, 'test');
		expect(readMap(doc).factors.map((f) => [f.id, f.label, f.authorId])).toEqual([
			['a', 'Först', 'p1'],
			['b', 'B', 'p2']
		]);
	});

	it('refuses empty labels, links to unknown factors and bad polarities without changing the document', () => {
		const doc = new Y.Doc();
		expect(() => addFactor(doc, { factor: factor('a', '  '), author: alice }, 'test')).toThrow(/empty/);
		addFactor(doc, { factor: factor('a'), author: alice }, 'test');
		expect(() => addLink(doc, { link: { id: 'l', from: 'a', to: 'x', polarity: '+' }, author: alice }, 'test')).toThrow(/two factors/);
		const bad = { id: 'l', from: 'a', to: 'a', polarity: '*' } as unknown as Parameters<typeof addLink>[1]['link'];
		expect(() => addLink(doc, { link: bad, author: alice }, 'test')).toThrow(/polarity/);
		expect(readMap(doc).links).toEqual([]);
	});

	it('removes a factor together with every link to or from it', () => {
		const doc = new Y.Doc();
		triangle(doc);
		removeFactor(doc, 'b', 'test');
		const map = readMap(doc);
		expect(map.factors.map((f) => f.id)).toEqual(['a', 'c']);
		expect(map.links.map((l) => l.id)).toEqual(['l3']);
	});

	it('flips polarity, sets and clears delay and label, and removes a link', () => {
		const doc = new Y.Doc();
		triangle(doc);
		flipPolarity(doc, 'l1', 'test');
		updateLink(doc, { id: 'l2', delay: true, label: 'efter ett år' }, 'test');
		expect(
			readMap(doc)
				.links.slice(0, 2)
				.map(({ polarity, delay, label }) => ({ polarity, delay, label }))
		).toEqual([
			{ polarity: '-', delay: undefined, label: undefined },
			{ polarity: '+', delay: true, label: 'efter ett år' }
		]);
		updateLink(doc, { id: 'l2', delay: false, label: '' }, 'test');
		removeLink(doc, 'l3', 'test');
		expect(readMap(doc).links.map(({ id, delay, label }) => ({ id, delay, label }))).toEqual([
			{ id: 'l1', delay: undefined, label: undefined },
			{ id: 'l2', delay: undefined, label: undefined }
		]);
	});

	it('moves factors to rounded positions, pins them on request and ignores deleted ones', () => {
		const doc = new Y.Doc();
		addFactors(doc, { factors: [factor('a'), factor('b')], author: alice }, 'test');
		moveFactors(
			doc,
			{
				positions: [
					{ id: 'a', x: 1.26, y: 2 },
					{ id: 'gone', x: 0, y: 0 }
				],
				pin: true
			},
			'test'
		);
		moveFactors(doc, { positions: [{ id: 'b', x: 5, y: 6 }] }, 'test');
		expect(readMap(doc).factors.map(({ id, x, y, pinned }) => ({ id, x, y, pinned }))).toEqual([
			{ id: 'a', x: 1.3, y: 2, pinned: true },
			{ id: 'b', x: 5, y: 6, pinned: undefined }
		]);
		setPinned(doc, { id: 'a', pinned: false }, 'test');
		expect(readMap(doc).factors[0]?.pinned).toBeUndefined();
		expect(() => moveFactors(doc, { positions: [{ id: 'a', x: Number.NaN, y: 0 }] }, 'test')).toThrow(/finite/);
	});

	it('updates label, kind and note, and clears the note when it is emptied', () => {
		const doc = new Y.Doc();
		addFactor(doc, { factor: { ...factor('a'), note: 'gammal' }, author: alice }, 'test');
		updateFactor(doc, { id: 'a', label: 'Ny', kind: 'insats', note: '' }, 'test');
		expect(readMap(doc).factors[0]).toEqual({ id: 'a', label: 'Ny', kind: 'insats', proposedBySector: 'skola', authorId: 'p1' });
	});

	it('merges a drag on one replica with a rename on another', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addFactor(a, { factor: factor('f'), author: alice }, 'test');
		sync(a, b);
		moveFactors(a, { positions: [{ id: 'f', x: 100, y: 50 }] }, 'test');
		updateFactor(b, { id: 'f', label: 'Omdöpt' }, 'test');
		sync(a, b);
		expect(readMap(a)).toEqual(readMap(b));
		expect(readMap(a).factors[0]).toMatchObject({ label: 'Omdöpt', x: 100, y: 50 });
	});

	it('hides a link drawn to a factor that someone else deleted at the same time', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addFactors(a, { factors: [factor('x'), factor('y')], author: alice }, 'test');
		sync(a, b);
		removeFactor(a, 'y', 'test');
		addLink(b, { link: { id: 'l', from: 'x', to: 'y', polarity: '+' }, author: bob }, 'test');
		sync(a, b);
		expect(readMap(a).links).toEqual([]);
		expect(readMap(b)).toEqual(readMap(a));
	});

	it('names a loop and moves the story to the loop’s new key without a second entry', () => {
		const doc = new Y.Doc();
		triangle(doc);
		const loop = { key: 'l1 l2 l3', factors: ['a', 'b', 'c'], kind: 'B' as const };
		setLoopStory(doc, { id: 's1', loop, name: ' Stressspiralen ', story: 'Data + berättelse', author: alice }, 'test');
		setLoopStory(doc, { id: 's1', loop: { ...loop, key: 'l1 l2 l9' }, name: 'Stressspiralen', story: '', author: bob }, 'test');
		expect(readMap(doc).stories).toEqual([
			{ id: 's1', key: 'l1 l2 l9', name: 'Stressspiralen', factors: ['a', 'b', 'c'], kind: 'B', authorId: 'p1' }
		]);
	});

	it('keeps title and theme in meta and refuses an unknown theme', () => {
		const doc = new Y.Doc();
		setMapMeta(doc, { title: ' Skolnärvaro ', themeId: 'skolnarvaro' }, 'test');
		expect(readMap(doc)).toMatchObject({ title: 'Skolnärvaro', themeId: 'skolnarvaro' });
		setMapMeta(doc, { title: '', themeId: null }, 'test');
		expect(readMap(doc)).toMatchObject({ title: null, themeId: null });
		expect(() => setMapMeta(doc, { themeId: 'rymden' as 'fritid' }, 'test')).toThrow(/theme/);
	});

	it('writes a whole imported map, keeping the sector a factor was proposed by', () => {
		const doc = new Y.Doc();
		writeMap(
			doc,
			{
				map: {
					factors: [
						{ id: 'a', label: 'A', kind: 'faktor', proposedBySector: 'fritid' },
						{ id: 'b', label: 'B', kind: 'insats' }
					],
					links: [{ id: 'l', from: 'a', to: 'b', polarity: '-' }]
				},
				title: 'Importerad',
				author: facilitator
			},
			'test'
		);
		const map = readMap(doc);
		expect(map.title).toBe('Importerad');
		expect(map.factors.map((f) => [f.id, f.proposedBySector, f.authorId])).toEqual([
			['a', 'fritid', 'facilitator'],
			['b', undefined, 'facilitator']
		]);
		expect(map.links).toHaveLength(1);
	});
});

describe('map document names', () => {
	it('turns map ids into document names and back, refusing anything else', () => {
		expect(mapDocName('plenary')).toBe('map:plenary');
		expect(mapDocName('Grupp 1')).toBeNull();
		expect(mapDocName('a:b')).toBeNull();
		expect(mapIdOf('map:3f9a')).toBe('3f9a');
		expect(mapIdOf('canvas:plenary')).toBeNull();
	});
});
