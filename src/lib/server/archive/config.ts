/**
 * Archive settings from the environment:
 *
 * - `ORGANISER_PASSPHRASE`: lets organisers open the archive of every workshop
 *   (`Authorization: Bearer <passphrase>` or a login on /arkiv). Unset, only
 *   facilitators see their own workshops.
 * - `RETENTION_DAYS`: days after closing when participants' display names are
 *   removed from a closed workshop. Unset, names are kept.
 */
export interface ArchiveConfig {
	organiserPassphrase: string | null;
	retentionDays: number | null;
}

/** Long enough that the login's rate limit makes guessing hopeless. */
export const PASSPHRASE_MIN = 12;

export function readArchiveConfig(env: Record<string, string | undefined> = process.env): ArchiveConfig {
	const passphrase = env.ORGANISER_PASSPHRASE ?? '';
	if (passphrase !== '' && passphrase.length < PASSPHRASE_MIN) {
		throw new Error(`ORGANISER_PASSPHRASE must be at least ${PASSPHRASE_MIN} characters`);
	}
	const days = env.RETENTION_DAYS ?? '';
	if (days !== '' && !/^[1-9]\d{0,4}$/.test(days)) {
		throw new Error(`RETENTION_DAYS must be a whole number of days (1–99999), got "${days}"`);
	}
	return { organiserPassphrase: passphrase || null, retentionDays: days ? Number(days) : null };
}
