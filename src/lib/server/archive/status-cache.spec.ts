import { describe, expect, it } from 'vitest';
import type { WorkshopRepository } from '../persistence/workshops';
import { forgetWorkshopStatus, isWorkshopClosed } from './status-cache';

/** Workshops that only answer findById, with `status`, or fails when it is null. */
function storageAnswering(state: { status: 'open' | 'closed' | null; reads: number }): WorkshopRepository {
	return {
		findById: async () => {
			state.reads++;
			if (state.status === null) throw new Error('database does not answer');
			return { status: state.status };
		}
	} as unknown as WorkshopRepository;
}

describe('workshop status cache', () => {
	it('reads the status once per moment', async () => {
		const state = { status: 'closed' as const, reads: 0 };
		const storage = storageAnswering(state);
		forgetWorkshopStatus('w1');
		expect(await isWorkshopClosed(storage, 'w1', 1000)).toBe(true);
		expect(await isWorkshopClosed(storage, 'w1', 1500)).toBe(true);
		expect(state.reads).toBe(1);
	});

	it('keeps the last answer while the database does not answer', async () => {
		const state: { status: 'open' | 'closed' | null; reads: number } = { status: 'open', reads: 0 };
		const storage = storageAnswering(state);
		forgetWorkshopStatus('w2');
		expect(await isWorkshopClosed(storage, 'w2', 1000)).toBe(false);
		state.status = null;
		expect(await isWorkshopClosed(storage, 'w2', 60_000)).toBe(false);
		expect(state.reads).toBe(2);
	});

	it('fails when it never had an answer', async () => {
		const storage = storageAnswering({ status: null, reads: 0 });
		forgetWorkshopStatus('w3');
		await expect(isWorkshopClosed(storage, 'w3')).rejects.toThrow('does not answer');
	});
});
