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

describe('spotlight.set and follow.set', () => {
	it('take a known kind with an optional trimmed id', () => {
		expect(methodCommandSchema.parse({ type: 'spotlight.set', spotlight: { kind: 'board' } })).toEqual({
			type: 'spotlight.set',
			spotlight: { kind: 'board' }
		});
		expect(methodCommandSchema.parse({ type: 'spotlight.set', spotlight: { kind: 'indicator', id: ' ind-1 ' } })).toEqual({
			type: 'spotlight.set',
			spotlight: { kind: 'indicator', id: 'ind-1' }
		});
		expect(methodCommandSchema.parse({ type: 'follow.set', follow: true })).toEqual({ type: 'follow.set', follow: true });
	});

	it('refuse an unknown kind, an empty or overlong id, extra fields and a follow that is not a boolean', () => {
		for (const spotlight of [
			{ kind: 'poster' },
			{ kind: 'indicator', id: '' },
			{ kind: 'indicator', id: '   ' },
			{ kind: 'map', id: 'x'.repeat(2001) },
			{ kind: 'board', colour: 'red' },
			{}
		]) {
			expect(methodCommandSchema.safeParse({ type: 'spotlight.set', spotlight }).success, JSON.stringify(spotlight)).toBe(false);
		}
		expect(methodCommandSchema.safeParse({ type: 'follow.set', follow: 'yes' }).success).toBe(false);
		expect(methodCommandSchema.safeParse({ type: 'follow.set' }).success).toBe(false);
	});
});
