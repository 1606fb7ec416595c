import { describe, expect, it } from 'vitest';
import { followHref, isAtDestination, shouldMove } from './follow';

const base = '/w/ABC123';
const url = (path: string) => new URL(`http://localhost${path}`);

describe('followHref and isAtDestination', () => {
	it('lead to the board, an indicator on the data page, and a map or loop on the map page', () => {
		expect(followHref(base, { page: 'board' })).toBe(base);
		expect(followHref(base, { page: 'data', indicatorId: 'egen-1' })).toBe('/w/ABC123/data?indicator=egen-1');
		expect(followHref(base, { page: 'map', mapId: 'plenary' })).toBe('/w/ABC123/map?doc=map:plenary');
		expect(followHref(base, { page: 'map', mapId: 'abc', loopKey: 'l1 l2' })).toBe('/w/ABC123/map?doc=map:abc&loop=l1%20l2');
	});

	it('know when the phone is already there', () => {
		for (const destination of [
			{ page: 'board' },
			{ page: 'data', indicatorId: 'egen-1' },
			{ page: 'map', mapId: 'abc', loopKey: 'l1 l2' },
			{ page: 'map', mapId: 'plenary' }
		] as const) {
			expect(isAtDestination(url(followHref(base, destination)), base, destination)).toBe(true);
		}
		expect(isAtDestination(url('/w/ABC123/map'), base, { page: 'map', mapId: 'plenary' })).toBe(true);
		expect(isAtDestination(url('/w/ABC123/data?indicator=x'), base, { page: 'data', indicatorId: 'y' })).toBe(false);
		expect(isAtDestination(url('/w/ABC123/map?doc=map:abc'), base, { page: 'map', mapId: 'abc', loopKey: 'l1' })).toBe(false);
		expect(isAtDestination(url('/w/ABC123/data'), base, { page: 'board' })).toBe(false);
	});
});

describe('shouldMove', () => {
	const indicator = { page: 'data', indicatorId: 'i' } as const;
	it('moves to each new indicator or map, once', () => {
		expect(shouldMove(null, indicator)).toBe(true);
		expect(shouldMove({ page: 'board' }, indicator)).toBe(true);
		expect(shouldMove(indicator, { page: 'data', indicatorId: 'j' })).toBe(true);
		expect(shouldMove(indicator, { ...indicator })).toBe(false);
		expect(shouldMove(indicator, null)).toBe(false);
	});

	it('goes back to the board only from something it followed', () => {
		expect(shouldMove(indicator, { page: 'board' })).toBe(true);
		expect(shouldMove(null, { page: 'board' })).toBe(false);
		expect(shouldMove({ page: 'board' }, { page: 'board' })).toBe(false);
	});
});
