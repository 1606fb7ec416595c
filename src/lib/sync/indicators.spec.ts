import { describe, expect, it } from 'vitest';
import { checkReadingText } from '$lib/domain/indicators/reading';
import * as Y from 'yjs';
import type { ImportedIndicator, Observation } from '$lib/domain/indicators';
import {
	addIndicator,
	addReading,
	deleteReading,
	editReadingText,
	mergeImportedIndicators,
	putIndicatorData,
	readIndicators,
	removeIndicator,
	setIndicatorField,
	setLinkedCards
} from './indicators';
import { ROOTS } from './schema';

const NOW = '2026-02-12T09:00:00.000Z';

const observation = (area: string, period: string, value: number | null, extra: Partial<Observation> = {}): Observation => ({
	indicatorId: 'N15008',
	area: { code: area, name: area === '0000' ? 'Riket' : 'Kungsbacka', level: area === '0000' ? 'riket' : 'kommun' },
	period,
	periodEndYear: Number(period),
	breakdown: { kon: 'T' },
	value,
	status: value === null ? 'missing' : 'ok',
	...extra
});

const imported = (observations: Observation[], meta: Partial<ImportedIndicator['meta']> = {}): ImportedIndicator => ({
	id: 'N15008',
	name: 'Kostnad för kommunal grundskola åk 1-9, kr/elev',
	meta: { namn: 'Kostnad för kommunal grundskola åk 1-9, kr/elev', attribution: 'Källa: Kolada (RKA), CC BY 4.0', ...meta },
	observations,
	dimensions: { kon: { label: 'Kön', categories: { T: 'Totalt', K: 'Kvinnor', M: 'Män' } } }
});

describe('indicators document', () => {
	it('uses only the roots the schema declares', () => {
		const doc = new Y.Doc();
		addIndicator(doc, { id: 'a', meta: { namn: 'A' }, createdAt: NOW }, 'test');
		mergeImportedIndicators(doc, [imported([observation('1384', '2010', 1)])], { now: NOW }, 'test');
		addReading(doc, { id: 'r', indicatorId: 'a', authorId: 'p1', sector: 'skola', text: 'Hm', createdAt: NOW }, 'test');
		for (const root of doc.share.keys()) expect(ROOTS.indicators).toContain(root);
	});

	it('keeps catalogue entries with every metadata field, editable one by one', () => {
		const doc = new Y.Doc();
		addIndicator(
			doc,
			{
				id: 'I.1.1.a',
				templateId: 'I.1.1.a',
				meta: {
					namn: 'Antal individer som fått en IUB',
					typ: 'prestation',
					niva: 'taktisk',
					riskForFeltolkning: 'Kvantitet säger inget om kvalitet'
				},
				createdAt: NOW
			},
			'test'
		);
		setIndicatorField(doc, 'I.1.1.a', 'syfte', '  Följa volymen  ', 'test');
		setIndicatorField(doc, 'I.1.1.a', 'riskForFeltolkning', '', 'test');
		setLinkedCards(doc, 'I.1.1.a', ['card-1', 'card-2', 'card-1'], 'test');
		const [indicator] = readIndicators(doc).indicators;
		expect(indicator).toEqual({
			id: 'I.1.1.a',
			templateId: 'I.1.1.a',
			meta: { namn: 'Antal individer som fått en IUB', typ: 'prestation', niva: 'taktisk', syfte: 'Följa volymen' },
			linkedCardIds: ['card-1', 'card-2'],
			createdAt: NOW,
			data: null
		});
		expect(() => setIndicatorField(doc, 'I.1.1.a', 'namn', ' ', 'test')).toThrow(/name/);
		expect(() => setIndicatorField(doc, 'I.1.1.a', 'typ', 'resultat', 'test')).toThrow(/typ/);
	});

	it('merges concurrent edits of different fields of one indicator', () => {
		const a = new Y.Doc();
		addIndicator(a, { id: 'x', meta: { namn: 'X' }, createdAt: NOW }, 'a');
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		setIndicatorField(a, 'x', 'definition', 'Från A', 'a');
		setIndicatorField(b, 'x', 'syfte', 'Från B', 'b');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readIndicators(a).indicators[0]!.meta).toEqual({ namn: 'X', definition: 'Från A', syfte: 'Från B' });
		expect(readIndicators(b)).toEqual(readIndicators(a));
	});

	it('stores observations compactly and reads them back exactly, missing values as null', () => {
		const doc = new Y.Doc();
		const observations = [
			observation('1384', '2010', 76600.976709),
			observation('0000', '2012', null),
			observation('1384', '2021-2024', 17.2, { periodEndYear: 2024, ciLower: 15.9, ciUpper: 18.6, n: 812 }),
			observation('1384', '2011', null, { status: 'suppressed' })
		];
		addIndicator(doc, { id: 'N15008', meta: { namn: 'Kostnad' }, createdAt: NOW }, 'test');
		putIndicatorData(doc, 'N15008', { observations, periodNote: 'Läsår', updatedAt: NOW }, 'test');
		const data = readIndicators(doc).indicators[0]!.data!;
		expect(data.observations).toEqual(observations);
		expect(data.periodNote).toBe('Läsår');
		const stored = doc.getMap('series').get('N15008') as { areas: unknown[]; rows: unknown[][] };
		expect(stored.areas).toHaveLength(2);
		expect(stored.rows[0]).toEqual([0, '2010', 76600.976709, 0, { kon: 'T' }]);
	});

	it('merges an import into existing data: new areas are added, the same period is replaced, facilitator edits stay', () => {
		const doc = new Y.Doc();
		mergeImportedIndicators(doc, [imported([observation('1384', '2010', 1), observation('1384', '2011', 2)])], { now: NOW }, 'test');
		setIndicatorField(doc, 'N15008', 'namn', 'Kostnad per elev', 'test');
		mergeImportedIndicators(
			doc,
			[imported([observation('1384', '2011', 3), observation('0000', '2011', 4)], { unit: 'kr/elev' })],
			{ now: '2026-02-13T09:00:00.000Z' },
			'test'
		);
		const [indicator] = readIndicators(doc).indicators;
		expect(indicator!.meta).toMatchObject({ namn: 'Kostnad per elev', unit: 'kr/elev', attribution: 'Källa: Kolada (RKA), CC BY 4.0' });
		expect(indicator!.data!.observations.map((o) => [o.area.code, o.period, o.value])).toEqual([
			['1384', '2010', 1],
			['1384', '2011', 3],
			['0000', '2011', 4]
		]);
		expect(indicator!.data!.dimensions?.kon?.categories.K).toBe('Kvinnor');
		expect(indicator!.data!.updatedAt).toBe('2026-02-13T09:00:00.000Z');
	});

	it('lists the indicators of one import in the order the file gave them', () => {
		const doc = new Y.Doc();
		const named = (id: string): ImportedIndicator => ({ ...imported([observation('1384', '2010', 1)]), id, name: id, meta: { namn: id } });
		mergeImportedIndicators(doc, [named('zebra'), named('alfa'), named('mitt')], { now: NOW }, 'test');
		expect(readIndicators(doc).indicators.map((i) => i.id)).toEqual(['zebra', 'alfa', 'mitt']);
	});

	it('keeps readings with their sector and point, oldest first, and edits and deletes them', () => {
		const doc = new Y.Doc();
		addReading(
			doc,
			{
				id: 'r2',
				indicatorId: 'N15008',
				authorId: 'p2',
				sector: 'polis',
				text: 'Vi ser samma sak',
				createdAt: '2026-02-12T10:01:00.000Z',
				point: { area: '1384', period: '2012', breakdown: { kon: 'T' } }
			},
			'test'
		);
		addReading(
			doc,
			{ id: 'r1', indicatorId: 'N15008', authorId: 'p1', sector: 'skola', text: ' Hela bilden ', createdAt: '2026-02-12T10:00:00.000Z' },
			'test'
		);
		editReadingText(doc, 'r2', 'Vi ser samma sak i våra ärenden', 'test');
		expect(readIndicators(doc).readings).toEqual([
			{ id: 'r1', indicatorId: 'N15008', authorId: 'p1', sector: 'skola', text: 'Hela bilden', createdAt: '2026-02-12T10:00:00.000Z' },
			{
				id: 'r2',
				indicatorId: 'N15008',
				authorId: 'p2',
				sector: 'polis',
				text: 'Vi ser samma sak i våra ärenden',
				createdAt: '2026-02-12T10:01:00.000Z',
				point: { area: '1384', period: '2012', breakdown: { kon: 'T' } }
			}
		]);
		deleteReading(doc, 'r1', 'test');
		expect(readIndicators(doc).readings.map((r) => r.id)).toEqual(['r2']);
	});

	it('refuses empty and over-long readings', () => {
		expect(checkReadingText('  ')).toBe('empty');
		expect(checkReadingText('x'.repeat(281))).toBe('too-long');
		expect(checkReadingText('x'.repeat(280))).toBeNull();
		expect(() =>
			addReading(new Y.Doc(), { id: 'r', indicatorId: 'a', authorId: 'p', sector: 'skola', text: '', createdAt: NOW }, 'test')
		).toThrow(/empty/);
	});

	it('removes an indicator with its data and its readings', () => {
		const doc = new Y.Doc();
		mergeImportedIndicators(doc, [imported([observation('1384', '2010', 1)])], { now: NOW }, 'test');
		addIndicator(doc, { id: 'other', meta: { namn: 'Annan' }, createdAt: NOW }, 'test');
		addReading(doc, { id: 'r1', indicatorId: 'N15008', authorId: 'p', sector: 'skola', text: 'a', createdAt: NOW }, 'test');
		addReading(doc, { id: 'r2', indicatorId: 'other', authorId: 'p', sector: 'skola', text: 'b', createdAt: NOW }, 'test');
		removeIndicator(doc, 'N15008', 'test');
		const snapshot = readIndicators(doc);
		expect(snapshot.indicators.map((i) => i.id)).toEqual(['other']);
		expect(snapshot.readings.map((r) => r.id)).toEqual(['r2']);
		expect(doc.getMap('series').size).toBe(0);
	});
});
