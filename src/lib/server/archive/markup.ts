import { escapeXml } from '$lib/domain/systemmap/xml';

/**
 * The report is built as a string on the server (no scripts in it, so it prints
 * and converts to PDF as it is). Every text that came from people or files goes
 * through `esc`; attributes through `attrs`, which also escapes.
 */
export const esc = escapeXml;

export type AttrValue = string | number | boolean | null | undefined;

/** ` name="value"` pairs; null, undefined and false are left out, true writes the bare name. */
export function attrs(values: Record<string, AttrValue>): string {
	return Object.entries(values)
		.filter((entry): entry is [string, string | number | true] => entry[1] !== null && entry[1] !== undefined && entry[1] !== false)
		.map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${esc(typeof value === 'number' ? round(value) : value)}"`))
		.join('');
}

/** One element; `children` must already be markup or escaped text. */
export function el(name: string, attributes: Record<string, AttrValue>, children = ''): string {
	return `<${name}${attrs(attributes)}>${children}</${name}>`;
}

/** Numbers in SVG to 0.1 px: smaller markup, no visible difference. */
function round(value: number): string {
	return String(Math.round(value * 10) / 10);
}
