import { describe, expect, it } from 'vitest';
import { checkCardText } from '$lib/domain/cards/card';
import { checkAvailableData, type AvailableData } from '$lib/domain/cards/available-data';
import { openProblems } from './form-problems';

describe('openProblems', () => {
	it('drops a reported problem once its field is valid and keeps the others', () => {
		expect(openProblems(['text-empty', 'source-empty', 'no-wish'], ['source-empty', 'no-wish'])).toEqual(['source-empty', 'no-wish']);
		expect(openProblems(['source-empty', 'no-wish'], [])).toEqual([]);
	});

	it('does not show a problem that the last submit did not report', () => {
		expect(openProblems([], ['source-empty'])).toEqual([]);
		expect(openProblems(['no-wish'], ['no-wish', 'bad-url'])).toEqual(['no-wish']);
	});

	it('clears the available-data messages as the fields are filled in', () => {
		const problems = (text: string, data: AvailableData) => [
			...(checkCardText(text) ? [`text-${checkCardText(text)}`] : []),
			...checkAvailableData(data, [])
		];
		const empty: AvailableData = { wishIds: [], source: '', level: 'nationell', uses: ['utforska'] };
		const reported = problems('', empty);
		expect(reported.length).toBeGreaterThan(1);
		const filled = problems('Elevhälsoenkäten', { ...empty, source: 'Skolverket' });
		const shown = openProblems(reported, filled);
		expect(shown).not.toContain('text-empty');
		expect(shown.some((p) => p.startsWith('source'))).toBe(false);
	});
});
