import { describe, expect, it } from 'vitest';
import { FACTOR_LABEL_MAX, MAP_FACTORS_MAX } from './map';
import { checkLabel, validateMap } from './validate';

const factor = (id: string, extra: Record<string, unknown> = {}) => ({ id, label: `Faktor ${id}`, kind: 'faktor', ...extra });
const link = (id: string, from: string, to: string, polarity: unknown = '+') => ({ id, from, to, polarity });

function codes(input: unknown): string[] {
	const result = validateMap(input);
	return result.ok ? [] : result.issues.map((issue) => `${issue.code} ${issue.path}`);
}

describe('validateMap', () => {
	it('accepts a valid map and returns a clean copy with trimmed labels and only known fields', () => {
		const result = validateMap({
			factors: [factor('a', { label: '  Skolnärvaro ', secret: 1, pinned: true, x: 1, y: 2 }), factor('b')],
			links: [{ ...link('l1', 'a', 'b', '-'), delay: true, extra: 'x' }]
		});
		expect(result).toEqual({
			ok: true,
			map: {
				factors: [
					{ id: 'a', label: 'Skolnärvaro', kind: 'faktor', pinned: true, x: 1, y: 2 },
					{ id: 'b', label: 'Faktor b', kind: 'faktor' }
				],
				links: [{ id: 'l1', from: 'a', to: 'b', polarity: '-', delay: true }]
			}
		});
	});

	it('accepts a self-link, because a factor that feeds itself is a legitimate loop', () => {
		expect(validateMap({ factors: [factor('a')], links: [link('l1', 'a', 'a')] }).ok).toBe(true);
	});

	it('reports a link to an unknown factor on the end that is unknown', () => {
		expect(codes({ factors: [factor('a')], links: [link('l1', 'a', 'ghost')] })).toEqual(['link-unknown-factor links[0].to']);
	});

	it('reports a polarity other than + or -', () => {
		expect(codes({ factors: [factor('a'), factor('b')], links: [link('l1', 'a', 'b', 'plus')] })).toEqual([
			'polarity-invalid links[0].polarity'
		]);
	});

	it('reports duplicate factor ids and duplicate link ids', () => {
		expect(codes({ factors: [factor('a'), factor('a')], links: [link('l1', 'a', 'a'), link('l1', 'a', 'a', '-')] })).toEqual([
			'id-duplicate factors[1].id',
			'id-duplicate links[1].id'
		]);
	});

	it('reports empty and overlong labels and a bad kind, all in one pass', () => {
		expect(
			codes({
				factors: [factor('a', { label: '   ' }), factor('b', { label: 'x'.repeat(FACTOR_LABEL_MAX + 1) }), factor('c', { kind: 'person' })],
				links: []
			})
		).toEqual(['label-empty factors[0].label', 'label-too-long factors[1].label', 'kind-invalid factors[2].kind']);
	});

	it('rejects ids with spaces, since loop keys join ids with spaces', () => {
		expect(codes({ factors: [factor('a b')], links: [] })).toEqual(['id-invalid factors[0].id']);
	});

	it('rejects unknown sectors and non-finite positions', () => {
		expect(codes({ factors: [factor('a', { proposedBySector: 'mars', x: Number.NaN })], links: [] })).toEqual([
			'field-invalid factors[0].proposedBySector',
			'field-invalid factors[0].x'
		]);
	});

	it('rejects input that is not a map and maps beyond the size limit', () => {
		expect(codes(null)).toEqual(['not-an-object map']);
		expect(codes({ factors: 'a' })).toEqual(['not-an-object factors']);
		const many = Array.from({ length: MAP_FACTORS_MAX + 1 }, (_, i) => factor(`f${i}`));
		expect(codes({ factors: many, links: [] })).toEqual(['too-many-factors factors']);
	});

	it('writes messages that name the place and the rule', () => {
		const result = validateMap({ factors: [factor('a')], links: [link('l1', 'a', 'b')] });
		expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual(["links[0].to: unknown factor 'b'"]);
	});
});

describe('checkLabel', () => {
	it('tells an empty label from an overlong one, counting after trimming', () => {
		expect(checkLabel('  ')).toBe('empty');
		expect(checkLabel(` ${'x'.repeat(FACTOR_LABEL_MAX)} `)).toBeNull();
		expect(checkLabel('x'.repeat(FACTOR_LABEL_MAX + 1))).toBe('too-long');
	});
});
