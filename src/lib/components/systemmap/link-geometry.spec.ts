import { describe, expect, it } from 'vitest';
import type { Link } from '$lib/domain/systemmap';
import { linkShapes, type Point } from './link-geometry';

const box = { width: 150, height: 48 };
const positions = new Map<string, Point>([
	['a', { x: 0, y: 0 }],
	['b', { x: 300, y: 0 }]
]);
const link = (id: string, from: string, to: string): Link => ({ id, from, to, polarity: '+' });

describe('linkShapes', () => {
	it('draws a single link straight from the edge of one box to the edge of the other', () => {
		const [shape] = linkShapes([link('l', 'a', 'b')], positions, box);
		expect(shape?.d).toBe('M79,0 Q150,0 221,0');
	});

	it('bends opposite links to opposite sides so neither hides the other', () => {
		const shapes = linkShapes([link('l1', 'a', 'b'), link('l2', 'b', 'a')], positions, box);
		const controls = shapes.map((shape) => Number(shape.d.split(' ')[1]?.split(',')[1]));
		expect(controls[0]).toBeLessThan(0);
		expect(controls[1]).toBeGreaterThan(0);
	});

	it('draws a self-link as an arc above the box', () => {
		const [shape] = linkShapes([link('s', 'a', 'a')], positions, box);
		expect(shape?.d.startsWith('M24,-24 C')).toBe(true);
		expect(shape?.sign.y).toBeLessThan(-24);
	});

	it('leaves out links with an end that has no position yet', () => {
		expect(linkShapes([link('l', 'a', 'c')], positions, box)).toEqual([]);
	});
});
