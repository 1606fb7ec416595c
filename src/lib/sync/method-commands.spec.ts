import { describe, expect, it } from 'vitest';
import { methodCommandSchema } from './method-commands';

describe('proxy.add', () => {
	it('takes a cleaned name and refuses bidi overrides, control characters and invisible-only names', () => {
		expect(methodCommandSchema.parse({ type: 'proxy.add', name: ' Kim\u200b ' })).toEqual({ type: 'proxy.add', name: 'Kim' });
		for (const name of ['Kim\u202e', 'Kim\nKim', '\u200b\u200d', '']) {
			expect(methodCommandSchema.safeParse({ type: 'proxy.add', name }).success).toBe(false);
		}
	});
});
