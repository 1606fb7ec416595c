import { describe, expect, it } from 'vitest';
import { estimateRoleOf, estimateRoles, foldEstimateRoles } from './estimate-roles';
import type { Observation } from './observation';

describe('estimate roles', () => {
	it('reads share, confidence limits and number of answers from Swedish and English labels', () => {
		expect(estimateRoleOf('Andel (procent)')).toBe('estimate');
		expect(estimateRoleOf('Konfidensintervall nedre gräns')).toBe('ciLower');
		expect(estimateRoleOf('Konfidensintervall övre gräns')).toBe('ciUpper');
		expect(estimateRoleOf('Antal svar')).toBe('n');
		expect(estimateRoleOf('CI upper')).toBe('ciUpper');
		expect(estimateRoleOf('Pojkar')).toBeUndefined();
	});

	it('accepts a dimension only when it is one estimate plus uncertainty, every category understood', () => {
		expect(estimateRoles({ '01': 'Andel', '02': 'KI nedre', '03': 'KI övre' })).toEqual({
			'01': 'estimate',
			'02': 'ciLower',
			'03': 'ciUpper'
		});
		expect(estimateRoles({ '01': 'Andel' })).toBeUndefined();
		expect(estimateRoles({ '01': 'Andel', '02': 'Pojkar' })).toBeUndefined();
		expect(estimateRoles({ '01': 'Andel', '02': 'Procent' })).toBeUndefined();
	});

	it('folds the separate rows into one observation with ciLower, ciUpper and n', () => {
		// Structure test: the numbers are the two FoHM fixture shares (4 and 5) reused as placeholders for limits.
		const row = (role: string, value: number | null): Observation => ({
			indicatorId: 'mobbning',
			area: { code: '21', name: 'Gävleborgs län', level: 'lan' },
			period: '2021-2022',
			periodEndYear: 2022,
			breakdown: { kon: 'M', matt: role },
			value,
			status: value === null ? 'missing' : 'ok'
		});
		const folded = foldEstimateRoles([row('A', 5), row('L', 4), row('U', null), row('N', 5)], {
			key: 'matt',
			roles: { A: 'estimate', L: 'ciLower', U: 'ciUpper', N: 'n' }
		});
		expect(folded).toEqual([
			{
				indicatorId: 'mobbning',
				area: { code: '21', name: 'Gävleborgs län', level: 'lan' },
				period: '2021-2022',
				periodEndYear: 2022,
				breakdown: { kon: 'M' },
				value: 5,
				status: 'ok',
				ciLower: 4,
				n: 5
			}
		]);
	});
});
