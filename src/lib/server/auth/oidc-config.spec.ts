import { describe, expect, it } from 'vitest';
import { readOidcConfig } from './oidc-config';

const BASE = { OIDC_ISSUER: 'https://login.kommun.se', OIDC_CLIENT_ID: 'datadialog', OIDC_CLIENT_SECRET: 's3cret' };

describe('readOidcConfig', () => {
	it('is off when none of the three settings is given', () => {
		expect(readOidcConfig({})).toBeNull();
	});

	it('reads the allowed groups and domains as trimmed comma lists, domains in lower case', () => {
		const config = readOidcConfig({ ...BASE, OIDC_ALLOWED_GROUPS: ' organisers , , strateger', OIDC_ALLOWED_DOMAINS: 'Kommun.se' });
		expect(config).toMatchObject({ clientId: 'datadialog', allowedGroups: ['organisers', 'strateger'], allowedDomains: ['kommun.se'] });
		expect(config?.issuer.href).toBe('https://login.kommun.se/');
	});

	it('refuses to start with only some of the settings, an issuer that is not a URL, or no group and no domain', () => {
		expect(() => readOidcConfig({ OIDC_ISSUER: BASE.OIDC_ISSUER })).toThrow(/missing OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/);
		expect(() => readOidcConfig({ ...BASE, OIDC_ISSUER: 'login.kommun.se', OIDC_ALLOWED_GROUPS: 'a' })).toThrow(/OIDC_ISSUER/);
		expect(() => readOidcConfig(BASE)).toThrow(/OIDC_ALLOWED_GROUPS or OIDC_ALLOWED_DOMAINS/);
	});
});
