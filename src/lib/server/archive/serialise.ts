/**
 * Runs archive changes to one workshop one at a time on this instance, so two
 * clicks on "Avsluta" cannot both freeze a version, and a follow-up never reads
 * a workshop that is being reopened. (Across instances the version table's
 * primary key catches the same race.)
 */
const queues = new Map<string, Promise<unknown>>();

export function serialised<T>(workshopId: string, task: () => Promise<T>): Promise<T> {
	const previous = queues.get(workshopId) ?? Promise.resolve();
	const run = previous.then(task, task);
	const settled = run.catch(() => undefined);
	queues.set(workshopId, settled);
	void settled.then(() => {
		if (queues.get(workshopId) === settled) queues.delete(workshopId);
	});
	return run;
}
