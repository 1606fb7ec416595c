import { describe, expect, it } from 'vitest';
import { readArchiveConfig } from './config';

describe('readArchiveConfig', () => {
	it('leaves both off by default', () => {
		expect(readArchiveConfig({})).toEqual({ organiserPassphrase: null, retentionDays: null });
	});

	it('reads a passphrase and a whole number of days', () => {
		expect(readArchiveConfig({ ORGANISER_PASSPHRASE: 'en lång lösenfras', RETENTION_DAYS: '365' })).toEqual({
			organiserPassphrase: 'en lång lösenfras',
			retentionDays: 365
		});
	});

	it.each([{ ORGANISER_PASSPHRASE: 'kort' }, { RETENTION_DAYS: '0' }, { RETENTION_DAYS: '30d' }, { RETENTION_DAYS: '-5' }])(
		'refuses %o',
		(env) => {
			expect(() => readArchiveConfig(env)).toThrow();
		}
	);
});
