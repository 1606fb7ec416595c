import { describe, expect, it } from 'vitest';
import { admit } from './admission';

const config = { allowedGroups: ['datadialog-organisers'], allowedDomains: ['kommun.se'] };

describe('admit', () => {
	it('admits a member of an allowed group, as an organiser named by the subject', () => {
		expect(admit({ sub: 'u1', groups: ['staff', 'datadialog-organisers'] }, config)).toEqual({
			admitted: true,
			organiser: 'oidc:u1',
			email: null
		});
	});

	it('admits a verified e-mail in an allowed domain, whatever its case', () => {
		expect(admit({ sub: 'u2', email: 'Kim@Kommun.se', email_verified: true }, config)).toEqual({
			admitted: true,
			organiser: 'oidc:u2',
			email: 'kim@kommun.se'
		});
	});

	it('refuses an e-mail the provider marks unverified, and a look-alike domain', () => {
		expect(admit({ sub: 'u3', email: 'kim@kommun.se', email_verified: false }, config).admitted).toBe(false);
		expect(admit({ sub: 'u4', email: 'kim@evilkommun.se' }, config).admitted).toBe(false);
	});

	it('refuses someone in other groups only, and ignores a groups claim that is not a list of strings', () => {
		expect(admit({ sub: 'u5', groups: ['staff'] }, config).admitted).toBe(false);
		expect(admit({ sub: 'u6', groups: 'datadialog-organisers' }, config).admitted).toBe(false);
	});
});
