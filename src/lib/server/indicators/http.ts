import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import type { ErrorCode } from '$lib/sync/protocol';
import { problem } from '../http/problem';
import { firstIssue } from '../http/schemas';
import { isImportError } from '../importers/import-error';
import { readIndicatorSourcesConfig, type IndicatorSourcesConfig } from './config';
import { UpstreamError } from './upstream';

/*
 * Shared plumbing of the facilitator-only indicator endpoints (each route calls
 * requireWorkshop first): how a raw upload is read, and how refusals are worded.
 * Errors keep the API's `{ error: { code, message } }` shape; import and provider
 * failures add `reason` ('malformed', 'unsupported', 'empty', 'too_large',
 * 'offline', 'timeout', 'upstream') so a UI can say it in the user's language.
 */

export function reasonedProblem(status: number, code: ErrorCode, message: string, reason: string): Response {
	return json({ error: { code, message, reason } }, { status });
}

/**
 * Reads the raw request body up to `maxBytes`, answering 413 beyond it (after
 * draining the rest) and 400 without a body.
 */
export async function readRawBody(request: Request, maxBytes: number): Promise<Uint8Array | Response> {
	if (!request.body) {
		return reasonedProblem(
			400,
			'bad_request',
			'Send the file as the request body with a Content-Type header (for example text/csv, application/json or application/octet-stream).',
			'empty'
		);
	}
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			// Past the limit the rest is drained, not kept (adapter-node caps it at BODY_SIZE_LIMIT):
			// answering while the client still uploads makes it see a reset instead of the 413.
			if (size > maxBytes) continue;
			chunks.push(value);
		}
	} catch (error) {
		// adapter-node refuses bodies over its BODY_SIZE_LIMIT while they stream in.
		if ((error as { status?: unknown }).status === 413) {
			return reasonedProblem(413, 'too_large', `The upload is larger than the server accepts: ${(error as Error).message}`, 'too_large');
		}
		throw error;
	}
	if (size > maxBytes) return tooLarge(maxBytes);
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

function tooLarge(maxBytes: number): Response {
	return reasonedProblem(
		413,
		'too_large',
		`The upload is larger than the import limit of ${Math.round(maxBytes / (1024 * 1024))} MB.`,
		'too_large'
	);
}

/** Validates query parameters with a zod schema; the answer on failure is a 400 naming the first problem. */
export function parseQuery<T>(url: URL, schema: z.ZodType<T>): T | Response {
	const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
	return parsed.success ? parsed.data : problem(400, 'bad_request', firstIssue(parsed.error));
}

/**
 * A look-up in an outside indicator source (a GET, after the route's guard): checks the
 * query, then answers with what `look` finds, or with the source's failure.
 */
export async function sourceLookup<T>(
	url: URL,
	schema: z.ZodType<T>,
	look: (query: T, config: IndicatorSourcesConfig) => Promise<unknown>
): Promise<Response> {
	const query = parseQuery(url, schema);
	if (query instanceof Response) return query;
	try {
		return json(await look(query, readIndicatorSourcesConfig()));
	} catch (error) {
		return failureResponse(error);
	}
}

/** Validates a JSON body that readJson already parsed. */
export function parseBody<T>(body: unknown, schema: z.ZodType<T>): T | Response {
	const parsed = schema.safeParse(body);
	return parsed.success ? parsed.data : problem(400, 'bad_request', firstIssue(parsed.error));
}

/**
 * The answer for a refused import or an unreachable provider; other errors are
 * bugs and are rethrown so they reach the error log as 500s.
 */
export function failureResponse(error: unknown): Response {
	if (isImportError(error)) {
		if (error.code === 'too_large') return reasonedProblem(413, 'too_large', error.message, 'too_large');
		return reasonedProblem(400, 'bad_request', error.message, error.code);
	}
	if (error instanceof UpstreamError) {
		switch (error.failure) {
			case 'offline':
			case 'timeout':
				return reasonedProblem(503, 'unavailable', error.message, error.failure);
			case 'too_large':
				return reasonedProblem(413, 'too_large', error.message, 'too_large');
			case 'redirect':
				return reasonedProblem(400, 'bad_request', error.message, 'upstream');
			case 'status':
				return (error.status ?? 500) >= 500
					? reasonedProblem(503, 'unavailable', error.message, 'upstream')
					: reasonedProblem(400, 'bad_request', error.message, 'upstream');
		}
	}
	throw error;
}
