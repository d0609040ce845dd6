import QRCode from 'qrcode';

/** The URL that opens the join page with the code filled in. */
export function joinUrl(origin: string, code: string): string {
	return `${origin}/join/${code}`;
}

/** An SVG QR code of a join URL (generated here: nothing is fetched from elsewhere). */
export function qrSvg(url: string): Promise<string> {
	return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}
