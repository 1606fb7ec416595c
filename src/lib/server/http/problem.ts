import { json } from '@sveltejs/kit';
import type { ErrorCode } from '$lib/sync/protocol';

/** API errors are JSON `{ error: { code, message } }` with English messages. */
export function problem(status: number, code: ErrorCode, message: string): Response {
	return json({ error: { code, message } }, { status });
}

/** Reads a JSON body, answering 400 (not 500) for malformed or oversized input. */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown | Response> {
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > maxBytes) return problem(413, 'too_large', `body exceeds ${maxBytes} bytes`);
	const text = await request.text();
	if (text.length > maxBytes) return problem(413, 'too_large', `body exceeds ${maxBytes} bytes`);
	try {
		return JSON.parse(text);
	} catch {
		return problem(400, 'bad_request', 'body must be valid JSON');
	}
}
