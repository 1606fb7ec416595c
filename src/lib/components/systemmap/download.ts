/** Saves text as a file through a temporary object URL (allowed by the CSP's blob: source). */
export function downloadText(options: { text: string; filename: string; type: string }): void {
	downloadBlob(new Blob([options.text], { type: options.type }), options.filename);
}

export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const anchor = document.createElement('a');
	anchor.href = url;
	anchor.download = filename;
	anchor.rel = 'noopener';
	document.body.append(anchor);
	anchor.click();
	anchor.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Rasterises a standalone SVG into a PNG at `scale` times its size, in the
 * browser: the SVG becomes an image from a blob URL, is drawn on a canvas and
 * read back. Nothing leaves the page and no external host is involved.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.decoding = 'async';
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
		canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
		const context = canvas.getContext('2d');
		if (!context) throw new Error('no 2d canvas');
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** A file name from the map's title: "Skolnärvaro i Lidingö" → "systemkarta-skolnarvaro-i-lidingo". */
export function exportBaseName(title: string | null): string {
	const slug = (title ?? '')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return slug ? `systemkarta-${slug}` : 'systemkarta';
}
