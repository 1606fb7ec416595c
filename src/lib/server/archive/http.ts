import { json } from '@sveltejs/kit';
import type { StartedWorkshop } from '$lib/api/archive';
import type { Lang } from '$lib/i18n/lang';
import { facilitatorUrl, joinUrl } from '../http/links';
import { problem } from '../http/problem';
import type { CreatedWorkshop } from '../workshops';
import type { Outcome } from './lifecycle';

/** Nothing in an export or report may load or run anything when opened directly. */
export const LOCKED_DOWN_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** `?lang=en` for English; otherwise the visitor's language cookie, Swedish by default. */
export function requestLang(url: URL, fallback: Lang): Lang {
	const asked = url.searchParams.get('lang');
	return asked === 'en' || asked === 'sv' ? asked : fallback;
}

/** A file to save, never cached (it can hold personal data such as readings). */
export function attachment(body: BodyInit, options: { type: string; filename: string }): Response {
	return new Response(body, {
		headers: {
			'content-type': options.type,
			'content-disposition': `attachment; filename="${options.filename}"`,
			'content-security-policy': LOCKED_DOWN_CSP,
			'cache-control': 'no-store'
		}
	});
}

/** A small JSON body that may be left out: no body reads as `{}`; too large or malformed answers 413 or 400. */
export async function readOptionalJson(request: Request, maxBytes = 16 * 1024): Promise<unknown | Response> {
	if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return problem(413, 'too_large', `body exceeds ${maxBytes} bytes`);
	const text = await request.text();
	if (text.length > maxBytes) return problem(413, 'too_large', `body exceeds ${maxBytes} bytes`);
	if (text.trim() === '') return {};
	try {
		return JSON.parse(text);
	} catch {
		return problem(400, 'bad_request', 'body must be valid JSON');
	}
}

/** A refused archive operation as the API's error JSON, or `ok` with its value. */
export function outcomeResponse<T>(outcome: Outcome<T>, ok: (value: T) => Response): Response {
	if (outcome.ok) return ok(outcome.value);
	return outcome.status === 404 ? problem(404, 'not_found', outcome.message) : problem(409, 'conflict', outcome.message);
}

/** A workshop started from another (a follow-up, a copied setup) as `201`, with its facilitator link given this once. */
export function startedWorkshopResponse(outcome: Outcome<CreatedWorkshop>, origin: string): Response {
	return outcomeResponse(outcome, ({ workshop, facilitatorSecret }) =>
		json(
			{
				id: workshop.id,
				code: workshop.code,
				title: workshop.title,
				joinUrl: joinUrl(origin, workshop),
				facilitatorUrl: facilitatorUrl(origin, workshop, facilitatorSecret),
				facilitatorSecret
			} satisfies StartedWorkshop,
			{ status: 201 }
		)
	);
}

/** A file-name-safe slug of a title: `Skolnärvaro i Nynäshamn` → `skolnarvaro-i-nynashamn`. */
export function fileSlug(title: string): string {
	const slug = title
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return slug || 'workshop';
}
