import { describe, expect, it } from 'vitest';
import { DEFAULT_PXWEB_HOSTS, readIndicatorSourcesConfig } from './config';
import { resolvePxWebRequest } from './pxweb-client';

const hosts = DEFAULT_PXWEB_HOSTS;

describe('pasted PxWeb URLs', () => {
	it('asks PxWebApi 2 for the data as JSON-stat 2, adding /data to a table URL', () => {
		const table = resolvePxWebRequest('https://api.scb.se/OV0104/v2beta/api/v2/tables/TAB638?lang=sv', undefined, hosts);
		expect(table.method).toBe('GET');
		expect(table.url.toString()).toBe('https://api.scb.se/OV0104/v2beta/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2');
		const data = resolvePxWebRequest(
			'https://statistikdatabasen.scb.se/api/v2/tables/TAB638/data?valueCodes[Region]=0180&outputFormat=csv',
			undefined,
			hosts
		);
		expect(data.url.searchParams.get('outputFormat')).toBe('json-stat2');
		expect(data.url.searchParams.get('valueCodes[Region]')).toBe('0180');
		const posted = resolvePxWebRequest('https://api.scb.se/OV0104/v2beta/api/v2/tables/TAB638/data', { selection: [] }, hosts);
		expect(posted).toMatchObject({ method: 'POST', body: { selection: [] } });
	});

	it('posts a PxWeb v1 query with JSON-stat 2 as the response format, and needs the query', () => {
		const url =
			'https://fohm-app.folkhalsomyndigheten.se/Folkhalsodata/api/v1/sv/A_Folkhalsodata/B_HLV/bFyshals/bbaFyshalsallman/hlv1allmxreg.px';
		const query = { query: [{ code: 'Region', selection: { filter: 'item', values: ['00'] } }], response: { format: 'json' } };
		expect(resolvePxWebRequest(url, query, hosts)).toMatchObject({
			method: 'POST',
			body: { query: query.query, response: { format: 'json-stat2' } },
			idPrefix: 'hlv1allmxreg'
		});
		expect(() => resolvePxWebRequest(url, undefined, hosts)).toThrow(/needs its query/);
	});

	it('refuses other hosts, other schemes and text that is not a URL', () => {
		expect(() => resolvePxWebRequest('http://127.0.0.1:8080/tables/X', undefined, hosts)).toThrow(/not an allowed PxWeb host/);
		expect(() => resolvePxWebRequest('file:///etc/passwd', undefined, hosts)).toThrow(/Only http and https/);
		expect(() => resolvePxWebRequest('TAB638', undefined, hosts)).toThrow(/not a URL/);
	});
});

describe('indicator sources configuration', () => {
	it('defaults to Kolada v3 and adds configured PxWeb hosts', () => {
		expect(readIndicatorSourcesConfig({})).toMatchObject({
			koladaBaseUrl: 'https://api.kolada.se/v3',
			pxwebHosts: hosts,
			timeoutMs: 15_000
		});
		const config = readIndicatorSourcesConfig({
			KOLADA_BASE_URL: 'http://127.0.0.1:9000/v3/',
			PXWEB_ALLOWED_HOSTS: 'statistik.helsingborg.se, 127.0.0.1:9000',
			INDICATOR_FETCH_TIMEOUT_MS: '2000'
		});
		expect(config.koladaBaseUrl).toBe('http://127.0.0.1:9000/v3');
		expect(config.pxwebHosts).toEqual([...hosts, 'statistik.helsingborg.se', '127.0.0.1:9000']);
		expect(config.timeoutMs).toBe(2000);
		expect(() => readIndicatorSourcesConfig({ INDICATOR_FETCH_TIMEOUT_MS: 'soon' })).toThrow(/INDICATOR_FETCH_TIMEOUT_MS/);
		expect(() => readIndicatorSourcesConfig({ KOLADA_BASE_URL: 'api.kolada.se' })).toThrow(/KOLADA_BASE_URL/);
	});
});
