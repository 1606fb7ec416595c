import type { SystemMap } from './map';

/**
 * The map as the JSON that `parseMapJson` reads, with every optional field kept,
 * so a download can be uploaded again (to another workshop, say) without loss.
 */
export function mapToJson(map: SystemMap, options: { title?: string } = {}): string {
	const document = {
		...(options.title ? { title: options.title } : {}),
		factors: map.factors.map((factor) => ({
			id: factor.id,
			label: factor.label,
			kind: factor.kind,
			...(factor.note ? { note: factor.note } : {}),
			...(factor.indicatorId ? { indicatorId: factor.indicatorId } : {}),
			...(factor.tag ? { tag: factor.tag } : {}),
			...(factor.level ? { level: factor.level } : {}),
			...(factor.proposedBySector ? { proposedBySector: factor.proposedBySector } : {}),
			...(factor.x !== undefined ? { x: factor.x } : {}),
			...(factor.y !== undefined ? { y: factor.y } : {}),
			...(factor.pinned ? { pinned: true } : {})
		})),
		links: map.links.map((link) => ({
			id: link.id,
			from: link.from,
			to: link.to,
			polarity: link.polarity,
			...(link.delay ? { delay: true } : {}),
			...(link.label ? { label: link.label } : {})
		}))
	};
	return `${JSON.stringify(document, null, '\t')}\n`;
}
