import { describe, expect, it } from 'vitest';
import type { Observation } from '$lib/domain/indicators';
import { readImportedObservations } from '../../../../tests/fixtures/indicators/read-fixture';
import { defaultView, facetsOf, isReferenceArea, pointKey, pointOf, reconcileView, viewObservations } from './chart-view';

const n15008 = readImportedObservations('n15008');

const obs = (area: string, period: string, kon: string, alder: string, value: number | null): Observation => ({
	indicatorId: 'x',
	area: { code: area, name: area },
	period,
	breakdown: { kon, alder },
	value,
	status: value === null ? 'missing' : 'ok'
});

const survey = [
	obs('0180', '2022', 'T', '15', 10),
	obs('0180', '2022', 'K', '15', 12),
	obs('0180', '2022', 'M', '15', 8),
	obs('0180', '2022', 'T', '13', 5),
	obs('0180', '2024', 'T', '15', null),
	obs('0180', '2024', 'K', '15', null),
	obs('0180', '2024', 'M', '15', 9)
];

describe('chart views', () => {
	it('offers a time series and an area comparison for Kolada N15008, starting over time', () => {
		const facets = facetsOf(n15008);
		expect(facets.kinds).toEqual(['time', 'areas']);
		expect(facets.areas.map((a) => a.code)).toEqual(['1384', '0000']);
		const view = defaultView(n15008, facets);
		expect(view).toEqual({ kind: 'time', period: '2014', filters: {} });
		expect(viewObservations(n15008, view)).toHaveLength(10);
		expect(viewObservations(n15008, { ...view, kind: 'areas' }).map((o) => o.area.code)).toEqual(['1384', '0000']);
	});

	it('fixes kön to the total and other breakdowns to one value, and picks the latest period that has a value', () => {
		const facets = facetsOf(survey);
		expect(facets.kinds).toEqual(['time', 'areas', 'kon']);
		const view = defaultView(survey, facets);
		expect(view).toEqual({ kind: 'time', period: '2022', filters: { kon: 'T', alder: '15' } });
		expect(viewObservations(survey, view).map((o) => o.value)).toEqual([10, null]);
	});

	it('keeps kvinnor and män, not the total, in the kön view', () => {
		const view = { kind: 'kon' as const, period: '2024', filters: { kon: 'T', alder: '15' } };
		expect(viewObservations(survey, view).map((o) => [o.breakdown.kon, o.value])).toEqual([
			['K', null],
			['M', 9]
		]);
	});

	it('repairs a view whose period or breakdown value no longer exists', () => {
		const facets = facetsOf(survey);
		const repaired = reconcileView({ kind: 'kon', period: '1999', filters: { kon: 'X', alder: '13' } }, survey, facets);
		expect(repaired).toEqual({ kind: 'kon', period: '2022', filters: { kon: 'T', alder: '13' } });
		expect(reconcileView(repaired, n15008, facetsOf(n15008))).toEqual({ kind: 'time', period: '2014', filters: {} });
	});

	it('gives a reading point and its observation the same key whatever the breakdown order', () => {
		const point = pointOf(survey[1]!);
		expect(point).toEqual({ area: '0180', period: '2022', breakdown: { kon: 'K', alder: '15' } });
		expect(pointKey(point)).toBe(pointKey({ area: '0180', period: '2022', breakdown: { alder: '15', kon: 'K' } }));
	});

	it('reads riket as the reference by its code or, in an upload without codes, by its name', () => {
		expect(isReferenceArea({ code: '0000', name: 'Riket' })).toBe(true);
		expect(isReferenceArea({ code: '00', name: '00 Riket' })).toBe(true);
		expect(isReferenceArea({ code: 'Riket', name: 'Riket' })).toBe(true);
		expect(isReferenceArea({ code: 'Sverige', name: ' Sverige ' })).toBe(true);
		expect(isReferenceArea({ code: '0180', name: 'Stockholm' })).toBe(false);
		expect(isReferenceArea({ code: 'Rikets skolor', name: 'Rikets skolor' })).toBe(false);
	});
});
