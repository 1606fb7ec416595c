import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod, periodEndYear } from './periods';

describe('period labels', () => {
	it.each([
		['2023', 2023, 2023],
		['2021-2024', 2021, 2024],
		['2021–2024', 2021, 2024],
		['2026M01', 2026, 2026],
		['2024K1', 2024, 2024],
		['20242025', 2024, 2025],
		['2023/24', 2023, 2024],
		['2024-03-31', 2024, 2024]
	])('reads %s as the years %i to %i', (label, start, end) => {
		expect(parsePeriod(label)).toMatchObject({ startYear: start, endYear: end });
	});

	it('places a Folkhälsodata rolling window at its last year', () => {
		expect(periodEndYear('2017-2020')).toBe(2020);
	});

	it('gives no year for labels without one, rather than guessing', () => {
		expect(parsePeriod('ej angivet')).toBeUndefined();
		expect(parsePeriod('2024-2020')).toBeUndefined();
		expect(parsePeriod('12345678')).toBeUndefined();
	});

	it('sorts years, rolling windows, months and undated labels in reading order', () => {
		expect(['2026M02', '2026M01', '2025'].sort(comparePeriods)).toEqual(['2025', '2026M01', '2026M02']);
		expect(['2018-2021', '2017-2020', '2019-2022'].sort(comparePeriods)).toEqual(['2017-2020', '2018-2021', '2019-2022']);
		expect(['ej angivet', '2023', '2010'].sort(comparePeriods)).toEqual(['2010', '2023', 'ej angivet']);
		expect(['2024K3', '2024K1', '2024M02'].sort(comparePeriods)).toEqual(['2024M02', '2024K1', '2024K3']);
	});
});
