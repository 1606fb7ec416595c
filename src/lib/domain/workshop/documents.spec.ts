import { describe, expect, it } from 'vitest';
import { PLENARY_CANVAS, canvasName, formatDocName, isStandingDoc, parseDocName } from './documents';

describe('document names', () => {
	it.each(['control', 'indicators', 'canvas:plenary', 'canvas:g-3', 'map:abc123', 'draft:0f3a9c'])(
		'parses and formats %s unchanged',
		(name) => {
			const parsed = parseDocName(name);
			expect(parsed).not.toBeNull();
			expect(formatDocName(parsed!)).toBe(name);
		}
	);

	it.each(['', 'board', 'control:x', 'canvas', 'canvas:', 'canvas:Plenary', 'map:a:b', 'map:../x', `map:${'a'.repeat(41)}`])(
		'rejects %j',
		(name) => expect(parseDocName(name)).toBeNull()
	);

	it('names a group’s canvas, and the plenary’s when there is no group', () => {
		expect(canvasName('grupp-7')).toBe('canvas:grupp-7');
		expect(canvasName(null)).toBe(PLENARY_CANVAS);
		expect(canvasName(undefined)).toBe(PLENARY_CANVAS);
		expect(parseDocName(canvasName('grupp-7'))).toEqual({ kind: 'canvas', sub: 'grupp-7' });
	});

	describe('standing documents', () => {
		const standing = (name: string, groups: string[] = []) => isStandingDoc(parseDocName(name)!, groups);

		it('are the single ones, drafts and the plenary canvas and map', () => {
			for (const name of ['control', 'indicators', 'ballots', 'draft:p1', 'canvas:plenary', 'map:plenary'])
				expect(standing(name), name).toBe(true);
		});

		it('include the canvas and map of each current group, and no other', () => {
			expect(standing('canvas:grupp-2', ['grupp-1', 'grupp-2'])).toBe(true);
			expect(standing('map:grupp-2', ['grupp-1', 'grupp-2'])).toBe(true);
			expect(standing('canvas:grupp-3', ['grupp-1', 'grupp-2'])).toBe(false);
			expect(standing('canvas:grupp-1')).toBe(false);
			expect(standing('map:a1b2c3', ['grupp-1'])).toBe(false);
		});
	});
});
