/**
 * Random ids for cards and other entities created in the browser. Uses
 * getRandomValues, which (unlike randomUUID) also works on plain-http LAN
 * addresses that phones in a workshop room often use.
 */
export function newClientId(): string {
	const bytes = new Uint8Array(8);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
