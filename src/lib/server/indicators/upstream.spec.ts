import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError, fetchUpstream, type UpstreamRequest } from './upstream';

let server: Server;
let base: string;

beforeAll(async () => {
	server = createServer((req, res) => {
		if (req.url === '/ok') return res.end('{"values":[]}');
		if (req.url === '/big') return res.end('x'.repeat(2048));
		if (req.url === '/missing') {
			res.writeHead(404, 'Not Found');
			return res.end();
		}
		if (req.url === '/away') {
			res.writeHead(302, { location: 'http://169.254.169.254/latest' });
			return res.end();
		}
		if (req.url === '/home') {
			res.writeHead(301, { location: '/ok' });
			return res.end();
		}
		// '/hang' never answers.
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
	server.closeAllConnections();
	server.close();
});

const request = (path: string, extra: Partial<UpstreamRequest> = {}): UpstreamRequest => ({
	url: new URL(path, base),
	source: 'Kolada',
	timeoutMs: 500,
	maxBytes: 1024,
	...extra
});
const failure = async (req: UpstreamRequest) => {
	try {
		await fetchUpstream(req);
	} catch (error) {
		if (error instanceof UpstreamError) return error;
		throw error;
	}
	throw new Error('expected an UpstreamError');
};

describe('provider fetches', () => {
	it('returns the body, following redirects only where allowed', async () => {
		expect(new TextDecoder().decode(await fetchUpstream(request('/ok')))).toBe('{"values":[]}');
		const followed = await fetchUpstream(request('/home', { mayFollow: (url) => url.origin === base }));
		expect(new TextDecoder().decode(followed)).toBe('{"values":[]}');
		expect(await failure(request('/away', { mayFollow: (url) => url.origin === base }))).toMatchObject({ failure: 'redirect' });
	});

	it('tells a timeout, an unreachable host, an error status and an oversized body apart', async () => {
		expect(await failure(request('/hang'))).toMatchObject({
			failure: 'timeout',
			message: expect.stringMatching(/did not answer within 1 s/)
		});
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		expect(await failure({ ...request('/ok'), url: new URL(`http://127.0.0.1:${port}/v3/kpi`) })).toMatchObject({
			failure: 'offline',
			message: expect.stringMatching(/^Could not reach Kolada \(127\.0\.0\.1:\d+\).*ECONNREFUSED/)
		});
		expect(await failure(request('/missing'))).toMatchObject({ failure: 'status', status: 404 });
		expect(await failure(request('/big'))).toMatchObject({ failure: 'too_large' });
	});
});
