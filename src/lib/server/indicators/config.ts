import { DEFAULT_MAX_IMPORT_BYTES } from '../importers/detect';

/**
 * Where online indicator data comes from. Kolada's base URL and the PxWeb hosts
 * are configurable so a municipality can add its own PxWeb database, and so the
 * tests can point the server at a local fake that replays real responses.
 */
export interface IndicatorSourcesConfig {
	/** `KOLADA_BASE_URL`, default https://api.kolada.se/v3 (no trailing slash). */
	koladaBaseUrl: string;
	/** Hosts (host or host:port) a pasted PxWeb URL may point at. */
	pxwebHosts: string[];
	/** `INDICATOR_FETCH_TIMEOUT_MS`: deadline per provider call, default 15 s. */
	timeoutMs: number;
	/** Largest provider response read, same as the upload limit. */
	maxBytes: number;
}

export const DEFAULT_KOLADA_BASE_URL = 'https://api.kolada.se/v3';

/** SCB's PxWebApi 2 (both addresses in use) and Folkhälsodata; `PXWEB_ALLOWED_HOSTS` adds more. */
export const DEFAULT_PXWEB_HOSTS = ['api.scb.se', 'statistikdatabasen.scb.se', 'fohm-app.folkhalsomyndigheten.se'];

export function readIndicatorSourcesConfig(env: Record<string, string | undefined> = process.env): IndicatorSourcesConfig {
	const timeout = Number(env.INDICATOR_FETCH_TIMEOUT_MS ?? 15_000);
	if (!Number.isFinite(timeout) || timeout <= 0) {
		throw new Error(`INDICATOR_FETCH_TIMEOUT_MS must be a positive number of milliseconds, got "${env.INDICATOR_FETCH_TIMEOUT_MS}"`);
	}
	const kolada = (env.KOLADA_BASE_URL || DEFAULT_KOLADA_BASE_URL).replace(/\/+$/, '');
	if (!/^https?:\/\//.test(kolada)) throw new Error(`KOLADA_BASE_URL must be an http(s) URL, got "${kolada}"`);
	const extra = (env.PXWEB_ALLOWED_HOSTS ?? '')
		.split(',')
		.map((host) => host.trim().toLowerCase())
		.filter((host) => host !== '');
	return {
		koladaBaseUrl: kolada,
		pxwebHosts: [...new Set([...DEFAULT_PXWEB_HOSTS, ...extra])],
		timeoutMs: timeout,
		maxBytes: DEFAULT_MAX_IMPORT_BYTES
	};
}
