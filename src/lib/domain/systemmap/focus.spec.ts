import { describe, expect, it } from 'vitest';
import { focusFactor } from './focus';
import type { SystemMap } from './map';

// a → b → x → c → d → e, plus z → a and x → x.
const chain: SystemMap = {
	factors: ['a', 'b', 'c', 'd', 'e', 'x', 'z'].map((id) => ({ id, label: id, kind: 'faktor' })),
	links: [
		{ id: 'ab', from: 'a', to: 'b', polarity: '+' },
		{ id: 'bx', from: 'b', to: 'x', polarity: '+' },
		{ id: 'xc', from: 'x', to: 'c', polarity: '-' },
		{ id: 'cd', from: 'c', to: 'd', polarity: '+' },
		{ id: 'de', from: 'd', to: 'e', polarity: '+' },
		{ id: 'za', from: 'z', to: 'a', polarity: '+' },
		{ id: 'xx', from: 'x', to: 'x', polarity: '+' }
	]
};

const sorted = (set: Set<string>) => [...set].sort();

describe('focusFactor', () => {
	it('shows the direct causes and effects at depth one, including a self-link', () => {
		const focus = focusFactor(chain, { factorId: 'x', depth: 1 });
		expect(sorted(focus.upstream.factors)).toEqual(['b', 'x']);
		expect(sorted(focus.upstream.links)).toEqual(['bx', 'xx']);
		expect(sorted(focus.downstream.factors)).toEqual(['c', 'x']);
		expect(sorted(focus.downstream.links)).toEqual(['xc', 'xx']);
	});

	it('follows two steps at depth two', () => {
		const focus = focusFactor(chain, { factorId: 'x', depth: 2 });
		expect(sorted(focus.upstream.factors)).toEqual(['a', 'b', 'x']);
		expect(sorted(focus.downstream.links)).toEqual(['cd', 'xc', 'xx']);
	});

	it('follows three steps at depth three and records each distance', () => {
		const focus = focusFactor(chain, { factorId: 'x', depth: 3 });
		expect(sorted(focus.upstream.factors)).toEqual(['a', 'b', 'x', 'z']);
		expect(sorted(focus.downstream.factors)).toEqual(['c', 'd', 'e', 'x']);
		expect(focus.downstream.distance.get('e')).toBe(3);
		expect(focus.upstream.distance.get('x')).toBe(0);
	});

	it('leaves out a link between two reached causes, since it is not a step towards the focus', () => {
		const withSideLink: SystemMap = {
			factors: [...chain.factors, { id: 'y', label: 'y', kind: 'faktor' }],
			links: [...chain.links, { id: 'yx', from: 'y', to: 'x', polarity: '-' }, { id: 'by', from: 'b', to: 'y', polarity: '+' }]
		};
		const focus = focusFactor(withSideLink, { factorId: 'x', depth: 1 });
		expect(sorted(focus.upstream.factors)).toEqual(['b', 'x', 'y']);
		expect(sorted(focus.upstream.links)).toEqual(['bx', 'xx', 'yx']);
	});

	it('returns only the id itself for a factor that is not on the map', () => {
		const focus = focusFactor(chain, { factorId: 'ghost', depth: 3 });
		expect(sorted(focus.upstream.factors)).toEqual(['ghost']);
		expect(focus.downstream.links.size).toBe(0);
	});
});
