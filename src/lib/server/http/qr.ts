import QRCode from 'qrcode';

/** An SVG QR code for the join URL, drawn on the server so no script or third party is involved. */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
}
