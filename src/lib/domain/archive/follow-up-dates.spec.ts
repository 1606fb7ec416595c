import { describe, expect, it } from 'vitest';
import { addMonths, defaultFollowUpDates, nextFollowUp } from './follow-up-dates';

describe('follow-up dates', () => {
	it('adds calendar months, keeping to the end of a shorter month', () => {
		expect(addMonths(new Date('2026-11-30T15:00:00Z'), 3)).toBe('2027-02-28');
		expect(addMonths(new Date('2027-11-30T15:00:00Z'), 3)).toBe('2028-02-29');
		expect(addMonths(new Date('2026-01-15T08:00:00Z'), 12)).toBe('2027-01-15');
	});

	it('defaults to three and twelve months after closing (seed 004: after 3–6 and 12 months)', () => {
		expect(defaultFollowUpDates(new Date('2026-11-04T15:00:00Z'))).toEqual(['2027-02-04', '2027-11-04']);
	});

	it('points at the first date no follow-up has covered, due once it has come', () => {
		const dates = ['2027-02-04', '2027-11-04'];
		expect(nextFollowUp({ dates, started: 0, today: '2027-01-01' })).toEqual({ date: '2027-02-04', due: false });
		expect(nextFollowUp({ dates, started: 0, today: '2027-02-04' })).toEqual({ date: '2027-02-04', due: true });
		expect(nextFollowUp({ dates, started: 1, today: '2027-03-01' })).toEqual({ date: '2027-11-04', due: false });
		expect(nextFollowUp({ dates, started: 2, today: '2028-01-01' })).toBeNull();
		expect(nextFollowUp({ dates: [], started: 0, today: '2028-01-01' })).toBeNull();
	});
});
