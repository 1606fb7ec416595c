/**
 * Line and bar colours, each at least 3:1 against white (WCAG 1.4.11) and
 * distinct for the common colour-vision deficiencies. The reference area
 * (riket) is always drawn in ink with a dashed line, so it reads as the
 * yardstick whatever its position.
 */
const SERIES_COLOURS = ['#0b5c6b', '#b3541e', '#6a3d9a', '#1d6b3a', '#a3202b', '#3b5bab', '#7a5c00', '#8c2d7a'] as const;

export const REFERENCE_COLOUR = '#14232b';

export function seriesColour(index: number): string {
	return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/** Chart text size: larger on a projector-wide chart, readable on a 360 px phone. */
export function chartFontSize(width: number): number {
	return width >= 900 ? 16 : width >= 560 ? 14 : 13;
}

/**
 * Estimated width of one character, for margins. Measuring text needs the DOM,
 * which server rendering lacks; system sans fonts run about 0.55–0.65 em, so
 * the upper end keeps long area names from being cut.
 */
export function chartCharWidth(fontSize: number): number {
	return fontSize * 0.66;
}
