import { describe, expect, it } from 'vitest';
import {
	checkSpotlight,
	DEFAULT_SPOTLIGHT,
	followDestination,
	loopSpotlightId,
	parseLoopSpotlightId,
	spotlightKey,
	spotlightMapId,
	SPOTLIGHT_KINDS,
	type SpotlightTargets
} from './spotlight';

const targets: SpotlightTargets = {
	indicator: (id) => id === 'ind-1',
	map: (id) => id === 'plenary' || id === 'abc',
	loop: (mapId, key) => mapId === 'abc' && key === 'l1 l2 l3',
	card: (id) => (id === 'card-1' ? 'canvas:grupp-1' : null),
	group: (id) => id === 'grupp-1'
};

describe('checkSpotlight', () => {
	it('accepts the board and the join slide without an id, and refuses them with one', () => {
		expect(checkSpotlight({ kind: 'board' }, {})).toEqual({ ok: true, value: { kind: 'board' } });
		expect(checkSpotlight({ kind: 'join' }, {})).toEqual({ ok: true, value: { kind: 'join' } });
		expect(checkSpotlight({ kind: 'join', id: 'x' }, targets)).toEqual({ ok: false, error: 'id-not-allowed' });
	});

	it.each(['indicator', 'map', 'loop', 'card', 'group'] as const)('needs an id for a %s', (kind) => {
		expect(checkSpotlight({ kind }, targets)).toEqual({ ok: false, error: 'id-required' });
	});

	it.each([
		['indicator', 'ind-1'],
		['map', 'abc'],
		['loop', 'abc:l1 l2 l3'],
		['group', 'grupp-1']
	] as const)('accepts a %s the workshop has', (kind, id) => {
		expect(checkSpotlight({ kind, id }, targets)).toEqual({ ok: true, value: { kind, id } });
	});

	it('accepts a card the workshop has and keeps the canvas it is on', () => {
		expect(checkSpotlight({ kind: 'card', id: 'card-1' }, targets)).toEqual({
			ok: true,
			value: { kind: 'card', id: 'card-1', canvas: 'canvas:grupp-1' }
		});
	});

	it.each([
		['indicator', 'ind-2'],
		['map', 'gone'],
		['loop', 'abc:l1 l2'],
		['loop', 'plenary:l1 l2 l3'],
		['loop', 'no-colon'],
		['loop', ':l1'],
		['card', 'card-2'],
		['group', 'grupp-9']
	] as const)('refuses a %s it does not have (%s)', (kind, id) => {
		expect(checkSpotlight({ kind, id }, targets)).toEqual({ ok: false, error: 'unknown-id' });
	});

	it('treats a question it was not given as "no such thing"', () => {
		expect(checkSpotlight({ kind: 'indicator', id: 'ind-1' }, {})).toEqual({ ok: false, error: 'unknown-id' });
	});
});

describe('loop ids', () => {
	it('join a map id and a loop key, and split them again', () => {
		const id = loopSpotlightId('plenary', 'a b c');
		expect(id).toBe('plenary:a b c');
		expect(parseLoopSpotlightId(id)).toEqual({ mapId: 'plenary', loopKey: 'a b c' });
		expect(parseLoopSpotlightId('plenary:')).toBeNull();
		expect(parseLoopSpotlightId('plenary:a  b')).toBeNull();
	});

	it('name the map a spotlight shows', () => {
		expect(spotlightMapId({ kind: 'map', id: 'abc' })).toBe('abc');
		expect(spotlightMapId({ kind: 'loop', id: 'abc:l1 l2' })).toBe('abc');
		expect(spotlightMapId({ kind: 'indicator', id: 'abc' })).toBeNull();
	});
});

describe('followDestination', () => {
	it('sends phones to the data page for an indicator and to the map page for a map or a loop', () => {
		expect(followDestination({ kind: 'indicator', id: 'ind-1' })).toEqual({ page: 'data', indicatorId: 'ind-1' });
		expect(followDestination({ kind: 'map', id: 'abc' })).toEqual({ page: 'map', mapId: 'abc' });
		expect(followDestination({ kind: 'loop', id: 'abc:l1 l2' })).toEqual({ page: 'map', mapId: 'abc', loopKey: 'l1 l2' });
	});

	it('sends them back to the board for the board, a card or a group, and nowhere for the join slide', () => {
		expect(followDestination(DEFAULT_SPOTLIGHT)).toEqual({ page: 'board' });
		expect(followDestination({ kind: 'card', id: 'c' })).toEqual({ page: 'board' });
		expect(followDestination({ kind: 'group', id: 'grupp-1' })).toEqual({ page: 'board' });
		expect(followDestination({ kind: 'join' })).toBeNull();
	});
});

describe('spotlightKey', () => {
	it('tells every kind and id apart', () => {
		const keys = SPOTLIGHT_KINDS.map((kind) => spotlightKey(kind === 'board' || kind === 'join' ? { kind } : { kind, id: 'x' }));
		expect(new Set(keys).size).toBe(SPOTLIGHT_KINDS.length);
		expect(spotlightKey({ kind: 'map', id: 'a' })).not.toBe(spotlightKey({ kind: 'map', id: 'b' }));
	});
});
