import type { Handle, ServerInit } from '@sveltejs/kit';
import { startApp } from '$lib/server/app';
import { readArchiveConfig } from '$lib/server/archive/config';
import { startRetentionSweep } from '$lib/server/archive/retention';
import { LANG_COOKIE, resolveLang } from '$lib/i18n/lang';
import { log } from '$lib/server/log';

export const init: ServerInit = async () => {
	const app = await startApp();
	// Names in closed workshops are removed after RETENTION_DAYS even if nobody opens the archive.
	startRetentionSweep(app, readArchiveConfig().retentionDays);
};

const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	// Not 'no-referrer': Chromium then sends `Origin: null` on form posts, which fails the CSRF check.
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

export const handle: Handle = async ({ event, resolve }) => {
	const lang = resolveLang(event.cookies.get(LANG_COOKIE));
	event.locals.lang = lang;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

export const handleError = ({ error, event, status }) => {
	if (status !== 404) log.error('http.failed', { path: event.url.pathname, status, error });
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};
