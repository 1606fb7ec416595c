import { isIP } from 'node:net';

/** Where the client's address comes from, after adapter-node's ADDRESS_HEADER / XFF_DEPTH. */
export interface AddressSettings {
	/** Lower-case header naming the client, or null to use the connection's peer address. */
	header: string | null;
	/** For X-Forwarded-For: how many proxies we trust; the entry that many from the right is the client. */
	depth: number;
}

export function readAddressSettings(env: Record<string, string | undefined> = process.env): AddressSettings {
	const configured = env.ADDRESS_HEADER?.trim().toLowerCase();
	const header = configured || (env.TRUST_PROXY === '1' ? 'x-forwarded-for' : null);
	const depth = Number(env.XFF_DEPTH ?? 1);
	return { header, depth: Number.isInteger(depth) && depth >= 1 ? depth : 1 };
}

/**
 * The client's address from a header value, or null when the header is missing or
 * malformed. X-Forwarded-For is read from the right: entries left of the trusted
 * proxies' own are written by the client and could be anything.
 */
export function addressFromHeader(value: string | string[] | null | undefined, settings: AddressSettings): string | null {
	const text = Array.isArray(value) ? value.join(',') : value;
	if (!text || !settings.header) return null;
	const entries = settings.header === 'x-forwarded-for' ? text.split(',').map((entry) => entry.trim()) : [text.trim()];
	const candidate = settings.header === 'x-forwarded-for' ? entries[entries.length - settings.depth] : entries[0];
	return candidate && isIP(candidate) ? candidate : null;
}

export type HttpSource = { request: Request; getClientAddress(): string };
export type HandshakeSource = { headers: Record<string, string | string[] | undefined>; address: string };

let settings: AddressSettings | null = null;

/**
 * The address every per-client limit is keyed on: for an HTTP request (a SvelteKit
 * event) or a socket.io handshake. Behind a proxy (TRUST_PROXY=1, or ADDRESS_HEADER)
 * it is the forwarded client, not the proxy.
 */
export function clientAddress(source: HttpSource | HandshakeSource, configured?: AddressSettings): string {
	settings ??= readAddressSettings();
	const use = configured ?? settings;
	if ('request' in source) {
		const forwarded = use.header ? addressFromHeader(source.request.headers.get(use.header), use) : null;
		if (forwarded) return forwarded;
		try {
			return source.getClientAddress();
		} catch {
			// adapter-node throws when its ADDRESS_HEADER is absent; such requests share one key.
			return 'unknown';
		}
	}
	return (use.header ? addressFromHeader(source.headers[use.header], use) : null) ?? source.address;
}
