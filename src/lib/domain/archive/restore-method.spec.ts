import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../../../../tests/fixtures/archive/sample-workshop';
import { liveStateOf } from './restore-method';

describe('liveStateOf', () => {
	it('continues at the archived phase with the archived agenda and rules, nobody ready', () => {
		const method = sampleDocument().method;
		const phases = { ...method.phases, onskvard: { ...method.phases.onskvard, revealed: true, locked: true } };
		const result = liveStateOf({ ...method, phases });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.phase).toBe('sammanfattning');
		expect(result.value.agenda).toEqual(method.agenda);
		expect(result.value.phases).toEqual(phases);
		expect(result.value.readyIds).toEqual([]);
		expect(result.value.timer?.runningSince ?? null).toBeNull();
	});
});
