import type { Lang } from '$lib/i18n/lang';
import { translator } from '$lib/i18n/messages';

export type Refusal = 'forbidden' | 'failed' | 'expired';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * The page a browser sees when the OpenID Connect sign-in is refused: a plain HTML page
 * with the status, in the visitor's language, because the callback is a navigation and
 * not an API call. The reason for the log stays on the server.
 */
export function refusalPage(status: number, refusal: Refusal, lang: Lang): Response {
	const t = translator(lang);
	const title = escape(t('archive.page.login.refusedTitle'));
	const body = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body>
<main>
<h1>${title}</h1>
<p role="alert">${escape(t(`archive.page.login.${refusal}`))}</p>
<p><a href="/arkiv">${escape(t('archive.page.login.back'))}</a></p>
</main>
</body>
</html>
`;
	return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
