/**
 * Fetching from statistics providers (Kolada, SCB, Folkhälsodata) on behalf of a
 * facilitator. A workshop room's network is often the weak link, so every call
 * has a deadline, and a provider that cannot be reached is reported as
 * 'offline' in words a facilitator can act on, never as a generic 500.
 */

export type UpstreamFailure = 'offline' | 'timeout' | 'status' | 'too_large' | 'redirect';

export class UpstreamError extends Error {
	readonly failure: UpstreamFailure;
	/** The provider's HTTP status, for 'status' failures. */
	readonly status: number | undefined;

	constructor(failure: UpstreamFailure, message: string, status?: number) {
		super(message);
		this.name = 'UpstreamError';
		this.failure = failure;
		this.status = status;
	}
}

export interface UpstreamRequest {
	url: URL;
	/** Provider name for messages, e.g. 'Kolada'. */
	source: string;
	timeoutMs: number;
	maxBytes: number;
	method?: 'GET' | 'POST';
	/** JSON body for POST. */
	body?: unknown;
	/** Redirects are followed (at most 3) only to addresses this accepts. */
	mayFollow?: (url: URL) => boolean;
}

const MAX_REDIRECTS = 3;

/**
 * Fetches a provider URL and returns the body bytes. The deadline covers the
 * whole exchange, headers and body; the body is refused once it passes
 * `maxBytes`. Throws {@link UpstreamError}.
 */
export async function fetchUpstream(request: UpstreamRequest): Promise<Uint8Array> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), request.timeoutMs);
	try {
		let url = request.url;
		for (let hop = 0; ; hop++) {
			const response = await send(url, request, controller.signal);
			const location = response.headers.get('location');
			if (response.status >= 300 && response.status < 400 && location) {
				await response.body?.cancel();
				const next = new URL(location, url);
				if (hop >= MAX_REDIRECTS || !(request.mayFollow?.(next) ?? false)) {
					throw new UpstreamError('redirect', `${request.source} redirected to ${next.host}, which is not an allowed address.`);
				}
				url = next;
				continue;
			}
			if (!response.ok) {
				await response.body?.cancel();
				throw new UpstreamError(
					'status',
					`${request.source} answered ${response.status} ${response.statusText} for ${url.host}${url.pathname}.`,
					response.status
				);
			}
			return await readLimited(response, request);
		}
	} catch (error) {
		if (error instanceof UpstreamError) throw error;
		if (controller.signal.aborted) {
			throw new UpstreamError(
				'timeout',
				`${request.source} (${request.url.host}) did not answer within ${Math.round(request.timeoutMs / 1000)} s. Try again, or use data already stored in the workshop.`
			);
		}
		throw new UpstreamError(
			'offline',
			`Could not reach ${request.source} (${request.url.host}): the server seems to be offline or the address is blocked (${causeOf(error)}). Data already stored in the workshop still works.`
		);
	} finally {
		clearTimeout(timer);
	}
}

function send(url: URL, request: UpstreamRequest, signal: AbortSignal): Promise<Response> {
	const post = request.method === 'POST';
	return fetch(url, {
		method: post ? 'POST' : 'GET',
		headers: { accept: 'application/json', ...(post ? { 'content-type': 'application/json' } : {}) },
		...(post ? { body: JSON.stringify(request.body ?? {}) } : {}),
		redirect: 'manual',
		signal
	});
}

async function readLimited(response: Response, request: UpstreamRequest): Promise<Uint8Array> {
	const declared = Number(response.headers.get('content-length') ?? NaN);
	if (declared > request.maxBytes) {
		await response.body?.cancel();
		throw tooLarge(request);
	}
	if (!response.body) return new Uint8Array();
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > request.maxBytes) {
			await reader.cancel();
			throw tooLarge(request);
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

function tooLarge(request: UpstreamRequest): UpstreamError {
	return new UpstreamError(
		'too_large',
		`The ${request.source} response is larger than ${Math.round(request.maxBytes / (1024 * 1024))} MB; choose fewer areas, years or variables.`
	);
}

function causeOf(error: unknown): string {
	const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
	const code = (cause as { code?: unknown } | null)?.code;
	if (typeof code === 'string') return code;
	return cause instanceof Error ? cause.message : String(cause);
}
