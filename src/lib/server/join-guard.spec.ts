import { describe, expect, it } from 'vitest';
import { readJoinsPerAddress } from './join-guard';

describe('readJoinsPerAddress', () => {
	it('defaults to 60 and takes a whole number', () => {
		expect(readJoinsPerAddress({})).toBe(60);
		expect(readJoinsPerAddress({ JOINS_PER_ADDRESS: '2000' })).toBe(2000);
		expect(() => readJoinsPerAddress({ JOINS_PER_ADDRESS: '0' })).toThrow(/JOINS_PER_ADDRESS/);
		expect(() => readJoinsPerAddress({ JOINS_PER_ADDRESS: 'many' })).toThrow(/JOINS_PER_ADDRESS/);
	});
});
