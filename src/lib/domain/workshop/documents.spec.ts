import { describe, expect, it } from 'vitest';
import { formatDocName, parseDocName } from './documents';

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
});
