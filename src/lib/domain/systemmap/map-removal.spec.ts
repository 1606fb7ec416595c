import { describe, expect, it } from 'vitest';
import { removeMap, restoreMap } from './map-removal';

describe('removing a system map', () => {
	const workshop = { groupIds: ['grupp-1', 'grupp-2'], exists: true };

	it('lists an imported map as removed, and brings it back', () => {
		const removed = removeMap([], 'a1b2c3', workshop);
		expect(removed).toEqual({ ok: true, value: ['a1b2c3'] });
		expect(restoreMap(['x', 'a1b2c3'], 'a1b2c3')).toEqual({ ok: true, value: ['x'] });
	});

	it('keeps the plenary map and every group map: they belong to the workshop', () => {
		expect(removeMap([], 'plenary', workshop)).toEqual({ ok: false, error: 'belongs-to-workshop' });
		expect(removeMap([], 'grupp-2', workshop)).toEqual({ ok: false, error: 'belongs-to-workshop' });
	});

	it('refuses a map that does not exist or is already removed, and restoring one that is not removed', () => {
		expect(removeMap([], 'a1b2c3', { ...workshop, exists: false })).toEqual({ ok: false, error: 'no-such-map' });
		expect(removeMap(['a1b2c3'], 'a1b2c3', workshop)).toEqual({ ok: false, error: 'no-such-map' });
		expect(restoreMap([], 'a1b2c3')).toEqual({ ok: false, error: 'not-removed' });
	});
});
