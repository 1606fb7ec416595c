import { layoutMap } from '$lib/charts/map-layout';
import type { ArchivedMap } from '$lib/domain/archive/schema-maps';
import { mapToSvg, type SystemMap } from '$lib/domain/systemmap';
import { esc } from './markup';

/**
 * A system map as an SVG image, drawn where the group placed each factor.
 * Factors never placed are laid out around the placed ones (which stay put), so
 * a half-arranged map prints as a map rather than a row of boxes. In the report
 * the heading above the figure names the map, so the image only carries the
 * name for screen readers; a file on its own draws it.
 */
export function mapImage(map: ArchivedMap, options: { title: string; heading: boolean }): string {
	const positioned = withPositions(map);
	if (options.heading) return mapToSvg(positioned, { title: options.title });
	return mapToSvg(positioned).replace('<title>Systemkarta</title>', `<title>${esc(options.title)}</title>`);
}

function withPositions(map: ArchivedMap): SystemMap {
	const placed = (factor: ArchivedMap['factors'][number]) => factor.x !== undefined && factor.y !== undefined;
	if (map.factors.every(placed)) return map;
	const positions = new Map(
		layoutMap({
			factors: map.factors.map((factor) => (placed(factor) ? { ...factor, pinned: true } : factor)),
			links: map.links
		}).map((position) => [position.id, position])
	);
	return {
		factors: map.factors.map((factor) => {
			const position = positions.get(factor.id);
			return placed(factor) || !position ? factor : { ...factor, x: position.x, y: position.y };
		}),
		links: map.links
	};
}
