import type { ImportResult } from '$lib/domain/indicators';
import type { PxWebV1Table } from '$lib/domain/indicators/pxweb-selection';
import { importIndicators } from '../importers/detect';
import { ImportError } from '../importers/import-error';
import { decodeText } from '../importers/input';
import type { IndicatorSourcesConfig } from './config';
import { pxwebV1TableSchema } from './schemas';
import { fetchUpstream } from './upstream';

/**
 * A PxWeb URL pasted by the facilitator, fetched by the server:
 *
 * - PxWebApi 2 (SCB): `…/tables/TAB638` or `…/tables/TAB638/data?valueCodes[…]=…`.
 *   '/data' is added when missing and the output is always JSON-stat 2; without
 *   value codes the API answers with the table's default selection. A query
 *   (`{ "selection": [...] }`) is POSTed as given.
 * - PxWeb v1 (Folkhälsodata, municipal databases): `….px` plus the query JSON
 *   the PxWeb page shows under "API för denna tabell"; it is POSTed with
 *   `response.format` set to json-stat2 so names come with the data.
 *
 * Only hosts in the allow-list are fetched, so the server cannot be used to
 * reach addresses inside its own network.
 */
export interface PxWebRequest {
	url: URL;
	method: 'GET' | 'POST';
	body?: Record<string, unknown>;
	/** Prefix for indicator ids when the response does not name its table (v1). */
	idPrefix?: string;
}

/** The pasted address, if it is one the server may fetch; ImportError 'unsupported' with the reason otherwise. */
function allowedPxWebUrl(raw: string, hosts: readonly string[]): URL {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		throw new ImportError('unsupported', 'That is not a URL. Paste the full address of a PxWeb table, starting with https://.');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ImportError('unsupported', 'Only http and https addresses can be fetched.');
	}
	if (!isAllowedHost(url, hosts)) {
		throw new ImportError(
			'unsupported',
			`${url.host} is not an allowed PxWeb host (allowed: ${hosts.join(', ')}). The server's operator can add it with PXWEB_ALLOWED_HOSTS.`
		);
	}
	return url;
}

export function resolvePxWebRequest(raw: string, query: Record<string, unknown> | undefined, hosts: readonly string[]): PxWebRequest {
	const url = allowedPxWebUrl(raw, hosts);
	if (/\.px$/i.test(url.pathname)) {
		if (!query || !Array.isArray(query.query)) {
			throw new ImportError(
				'unsupported',
				'A PxWeb v1 table (.px) needs its query: copy the JSON the PxWeb page shows under "API för denna tabell" ("Make this table available in your application").'
			);
		}
		const name = decodeURIComponent(url.pathname.split('/').pop() ?? '').replace(/\.px$/i, '');
		return { url, method: 'POST', body: { ...query, response: { format: 'json-stat2' } }, ...(name ? { idPrefix: name } : {}) };
	}
	const table = url.pathname.match(/^(.*\/tables\/[^/]+)(\/data)?\/?$/i);
	if (table) {
		url.pathname = `${table[1]}/data`;
		url.searchParams.set('outputFormat', 'json-stat2');
	}
	return query ? { url, method: 'POST', body: query } : { url, method: 'GET' };
}

export async function fetchPxWeb(
	config: IndicatorSourcesConfig,
	request: { url: string; query?: Record<string, unknown> }
): Promise<ImportResult> {
	const resolved = resolvePxWebRequest(request.url, request.query, config.pxwebHosts);
	const bytes = await fetchUpstream({
		url: resolved.url,
		source: 'PxWeb',
		timeoutMs: config.timeoutMs,
		maxBytes: config.maxBytes,
		method: resolved.method,
		...(resolved.body ? { body: resolved.body } : {}),
		mayFollow: (next) => isAllowedHost(next, config.pxwebHosts)
	});
	const start = decodeText(bytes).text.trimStart()[0];
	if (start !== '{' && start !== '[') {
		throw new ImportError(
			'unsupported',
			`PxWeb did not answer with JSON for ${resolved.url.host}${resolved.url.pathname}; check the address.`
		);
	}
	return importIndicators(bytes, { maxBytes: config.maxBytes, ...(resolved.idPrefix ? { idPrefix: resolved.idPrefix } : {}) });
}

/**
 * A PxWeb v1 table's description (its variables, with value codes and texts), for
 * choosing what to fetch instead of pasting a query. PxWebApi 2 needs no choice.
 */
export async function fetchPxWebV1Table(config: IndicatorSourcesConfig, rawUrl: string): Promise<PxWebV1Table> {
	const url = allowedPxWebUrl(rawUrl, config.pxwebHosts);
	const bytes = await fetchUpstream({
		url,
		source: 'PxWeb',
		timeoutMs: config.timeoutMs,
		maxBytes: config.maxBytes,
		method: 'GET',
		mayFollow: (next) => isAllowedHost(next, config.pxwebHosts)
	});
	let parsed: unknown;
	try {
		parsed = JSON.parse(decodeText(bytes).text);
	} catch {
		parsed = null;
	}
	const table = pxwebV1TableSchema.safeParse(parsed);
	if (!table.success) {
		throw new ImportError(
			'unsupported',
			`${url.host}${url.pathname} did not describe a PxWeb v1 table (a title and its variables). A PxWebApi 2 table needs no choice: fetch it directly.`
		);
	}
	return table.data;
}

function isAllowedHost(url: URL, hosts: readonly string[]): boolean {
	return (url.protocol === 'https:' || url.protocol === 'http:') && hosts.includes(url.host.toLowerCase());
}
