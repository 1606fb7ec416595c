import { describe, expect, it } from 'vitest';
import { mapToJson } from './export-json';
import { parseMapJson } from './import-json';
import type { SystemMap } from './map';

const map: SystemMap = {
	factors: [
		{
			id: 'a',
			label: 'Tillit',
			kind: 'faktor',
			note: 'Social tillit',
			x: 1.5,
			y: 2,
			pinned: true,
			proposedBySector: 'skola',
			indicatorId: 'ind-7',
			tag: 'skydd',
			level: 'selektiv'
		},
		{ id: 'b', label: 'Trygghet', kind: 'aktor' }
	],
	links: [
		{ id: 'l1', from: 'a', to: 'b', polarity: '+', delay: true, label: 'över tid' },
		{ id: 'l2', from: 'b', to: 'a', polarity: '-' }
	]
};

describe('mapToJson', () => {
	it('writes JSON that imports back to the same map and title', () => {
		expect(parseMapJson(mapToJson(map, { title: 'Tillit i Järfälla' }))).toEqual({
			ok: true,
			title: 'Tillit i Järfälla',
			map
		});
	});

	it('leaves optional fields out rather than writing them empty', () => {
		const text = mapToJson({ factors: [{ id: 'a', label: 'A', kind: 'faktor' }], links: [] });
		expect(JSON.parse(text)).toEqual({ factors: [{ id: 'a', label: 'A', kind: 'faktor' }], links: [] });
	});
});
