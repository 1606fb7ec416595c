export type ErrorKind = 'unknownCode' | 'unknownWorkshop' | 'wrongKey' | 'rateLimited' | 'notFound' | 'other';

/**
 * Which explanation an error page gives: an unknown join code (`/j/:code`, `/w/:code`),
 * an unknown facilitator link (`/f/:id`), a facilitator link with a wrong key (403),
 * too many wrong codes (429), another missing page, or anything else.
 */
export function errorKind(status: number, pathname: string): ErrorKind {
	if (status === 429) return 'rateLimited';
	if (status === 403 || status === 401) return 'wrongKey';
	if (status === 404) {
		if (/^\/[jw]\/[^/]+/.test(pathname)) return 'unknownCode';
		if (/^\/f\/[^/]+/.test(pathname)) return 'unknownWorkshop';
		return 'notFound';
	}
	return 'other';
}

/** The code in `/j/:code` or `/w/:code…`, as people type it (upper case); null elsewhere. */
export function codeInPath(pathname: string): string | null {
	const match = /^\/[jw]\/([^/]+)/.exec(pathname);
	return match ? decodeURIComponent(match[1]!).toUpperCase().slice(0, 20) : null;
}
