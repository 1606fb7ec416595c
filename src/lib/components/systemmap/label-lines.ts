/**
 * A factor label word-wrapped for its box: at most `maxLines` lines of about
 * `perLine` characters, the last one ending in an ellipsis when the label is
 * longer. The full label stays in the element's accessible name and tooltip.
 */
export function labelLines(label: string, options: { perLine?: number; maxLines?: number } = {}): string[] {
	const { perLine = 19, maxLines = 2 } = options;
	const lines: string[] = [];
	let current = '';
	for (const word of label.split(/\s+/).filter(Boolean)) {
		const candidate = current ? `${current} ${word}` : word;
		if (candidate.length <= perLine || !current) current = candidate;
		else {
			lines.push(current);
			current = word;
		}
	}
	if (current) lines.push(current);
	if (lines.length <= maxLines && lines.every((line) => line.length <= perLine)) return lines;
	const kept = lines.slice(0, maxLines).map((line) => line.slice(0, perLine));
	kept[kept.length - 1] = `${(kept[kept.length - 1] as string).slice(0, perLine - 1)}…`;
	return kept;
}
