/**
 * XML 1.0 forbids most C0 controls, unpaired surrogates and U+FFFE/U+FFFF even as
 * character references, so they are dropped; with the `u` flag the surrogate
 * range matches only unpaired halves.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/**
 * Escapes text for element content and quoted attribute values alike, so labels
 * typed by participants can never break out of the GraphML or SVG they land in.
 */
export function escapeXml(text: string): string {
	return text
		.replace(NOT_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}
