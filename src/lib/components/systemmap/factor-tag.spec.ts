import { describe, expect, it } from 'vitest';
import { factorTagText } from './factor-tag';

const t = (key: string) => `<${key}>`;

describe('factorTagText', () => {
	it('names the tag and the prevention level', () => {
		expect(factorTagText({ tag: 'skydd', level: 'universell' }, t)).toBe('<map.tag.skydd> · <map.level.universell>');
	});

	it('names the tag alone when the factor has no level', () => {
		expect(factorTagText({ tag: 'risk' }, t)).toBe('<map.tag.risk>');
	});

	it('is empty for a factor typed in by hand', () => {
		expect(factorTagText({ level: 'selektiv' }, t)).toBe('');
	});
});
