import type { App } from '../app';
import { log } from '../log';
import { audit } from './lifecycle';

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const sweeping = new WeakSet<App>();

/**
 * Removes participants' display names from workshops closed more than
 * `retentionDays` ago. Sectors stay, so the report's counts per sector are
 * unchanged; frozen versions never held names in the first place. Each erasure
 * is written to the audit log. Resolves with how many workshops were affected.
 */
export async function sweepRetention(app: App, options: { retentionDays: number | null; now: Date }): Promise<number> {
	if (options.retentionDays === null) return 0;
	const cutoff = options.now.getTime() - options.retentionDays * DAY_MS;
	let erased = 0;
	for (const { workshop, archive } of await app.storage.workshops.listSummaries()) {
		if (workshop.status !== 'closed' || !archive?.closedAt || archive.namesErasedAt) continue;
		if (new Date(archive.closedAt).getTime() > cutoff) continue;
		await app.storage.participants.eraseNames(workshop.id);
		await app.storage.archive.put({ ...archive, namesErasedAt: options.now.toISOString() });
		await audit(app, { action: 'names-erased', workshopId: workshop.id, actor: 'system' }, options.now);
		erased++;
	}
	if (erased > 0) log.info('retention.names_erased', { workshops: erased });
	return erased;
}

/**
 * Sweeps now and then every hour for as long as the process runs; calling it
 * again for the same app does nothing. The timer does not keep the process alive.
 */
export function startRetentionSweep(app: App, retentionDays: number | null): void {
	if (retentionDays === null || sweeping.has(app)) return;
	sweeping.add(app);
	const run = () => void sweepRetention(app, { retentionDays, now: new Date() }).catch((error) => log.error('retention.failed', { error }));
	run();
	setInterval(run, SWEEP_EVERY_MS).unref();
}
