import { describe, expect, it } from 'vitest';
import { PARTICIPANTS_MAX, isWorkshopFull } from './participant-limit';

describe('participant limit', () => {
	it('takes people up to the cap, and no one after', () => {
		expect(isWorkshopFull(0)).toBe(false);
		expect(isWorkshopFull(300)).toBe(false);
		expect(isWorkshopFull(PARTICIPANTS_MAX - 1)).toBe(false);
		expect(isWorkshopFull(PARTICIPANTS_MAX)).toBe(true);
	});
});
