import { describe, expect, it } from 'vitest';
import {
	filterWorkshops,
	isOverdue,
	municipalities,
	orderSteps,
	programmeTotals,
	stepStatusByMonth,
	type ProgrammeStep,
	type ProgrammeWorkshop
} from './programme';

const workshop = (id: string, extra: Partial<ProgrammeWorkshop> = {}): ProgrammeWorkshop => ({
	id,
	title: `Workshop ${id}`,
	themeId: 'skolnarvaro',
	themeName: 'Skolnärvaro',
	municipality: 'Nynäshamn',
	createdAt: '2026-11-04T09:00:00.000Z',
	closedAt: null,
	status: 'closed',
	sectors: { skola: 2, polis: 1 },
	participants: 3,
	isFollowUp: false,
	nextFollowUp: null,
	...extra
});

const step = (cardId: string, extra: Partial<ProgrammeStep> = {}): ProgrammeStep => ({
	workshopId: 'a',
	workshopTitle: 'A',
	cardId,
	text: cardId,
	owner: 'Socialtjänsten',
	due: null,
	status: 'open',
	note: '',
	overdue: false,
	...extra
});

describe('programme', () => {
	const all = [
		workshop('a'),
		workshop('b', { municipality: 'nynäshamn ', themeId: 'trygghet', status: 'open', createdAt: '2026-12-01T09:00:00.000Z' }),
		workshop('c', {
			municipality: null,
			themeId: null,
			sectors: { socialtjanst: 4 },
			participants: 4,
			createdAt: '2027-01-10T09:00:00.000Z'
		})
	];

	it('filters by theme, municipality (any case), status and date range', () => {
		expect(filterWorkshops(all, { themeId: 'skolnarvaro' }).map((w) => w.id)).toEqual(['a']);
		expect(filterWorkshops(all, { municipality: 'NYNÄSHAMN' }).map((w) => w.id)).toEqual(['a', 'b']);
		expect(filterWorkshops(all, { status: 'closed' }).map((w) => w.id)).toEqual(['a', 'c']);
		expect(filterWorkshops(all, { from: '2026-12-01', to: '2026-12-31' }).map((w) => w.id)).toEqual(['b']);
		expect(filterWorkshops(all, {}).map((w) => w.id)).toEqual(['a', 'b', 'c']);
	});

	it('totals participants by sector and workshops by theme, municipality and status', () => {
		expect(programmeTotals(all)).toEqual({
			workshops: 3,
			participants: 10,
			sectors: { skola: 4, polis: 2, socialtjanst: 4 },
			byTheme: { skolnarvaro: 1, trygghet: 1, '': 1 },
			byMunicipality: { Nynäshamn: 2, '': 1 },
			byStatus: { open: 1, closed: 2 }
		});
		expect(municipalities(all)).toEqual(['Nynäshamn']);
	});

	it('puts overdue steps first and counts statuses per due month', () => {
		const today = '2027-03-01';
		const steps = [
			step('later', { due: '2027-06-01' }),
			step('undated'),
			step('late-done', { due: '2027-01-01', status: 'done' }),
			step('late', { due: '2027-02-01' }),
			step('later-changed', { due: '2027-06-15', status: 'changed' })
		].map((s) => ({ ...s, overdue: isOverdue(s, today) }));
		expect(orderSteps(steps).map((s) => s.cardId)).toEqual(['late', 'late-done', 'later', 'later-changed', 'undated']);
		expect(stepStatusByMonth(steps)).toEqual([
			{ month: '2027-01', counts: { open: 0, done: 1, 'not-done': 0, changed: 0 } },
			{ month: '2027-02', counts: { open: 1, done: 0, 'not-done': 0, changed: 0 } },
			{ month: '2027-06', counts: { open: 1, done: 0, 'not-done': 0, changed: 1 } }
		]);
	});
});
