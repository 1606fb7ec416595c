/** Cookies per origin, as a browser keeps them (paths ignored: the tests never rely on them). */
export class CookieJar {
	readonly #cookies = new Map<string, Map<string, string>>();

	header(url: string): string {
		const jar = this.#cookies.get(new URL(url).host);
		return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
	}

	take(url: string, response: Response): void {
		const host = new URL(url).host;
		const jar = this.#cookies.get(host) ?? new Map<string, string>();
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair!.indexOf('=');
			const name = pair!.slice(0, at).trim();
			const value = pair!.slice(at + 1).trim();
			const expired = /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line);
			if (value === '' || expired) jar.delete(name);
			else jar.set(name, value);
		}
		this.#cookies.set(host, jar);
	}

	has(url: string, name: string): boolean {
		return this.#cookies.get(new URL(url).host)?.has(name) ?? false;
	}

	/** Sends a request with the jar's cookies and keeps the ones it sets; redirects are not followed. */
	async fetch(url: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		const cookie = this.header(url);
		if (cookie) headers.set('cookie', cookie);
		const response = await fetch(url, { ...init, headers, redirect: 'manual' });
		this.take(url, response);
		return response;
	}
}

/**
 * Drives a sign-in by hand as a browser would: from the app's /auth/login through the
 * provider's login and consent pages back to the app's callback, whose answer is
 * returned. `rewriteAuthorisation` changes the authorisation URL the app sent the
 * browser to, as an attacker in the middle could.
 */
export async function signInThroughProvider(options: {
	jar: CookieJar;
	appUrl: string;
	login: string;
	rewriteAuthorisation?: (url: URL) => URL;
}): Promise<Response> {
	const { jar, appUrl } = options;
	const start = await jar.fetch(`${appUrl}/auth/login`);
	if (start.status !== 303) throw new Error(`/auth/login answered ${start.status}: ${await start.text()}`);
	let url = new URL(start.headers.get('location')!);
	if (options.rewriteAuthorisation) url = options.rewriteAuthorisation(url);
	for (let hop = 0; hop < 20; hop++) {
		if (url.href.startsWith(`${appUrl}/auth/callback`)) return jar.fetch(url.href);
		const response = await jar.fetch(url.href);
		if (response.status >= 300 && response.status < 400) {
			url = new URL(response.headers.get('location')!, url);
			continue;
		}
		const page = await response.text();
		const prompt = page.match(/name="prompt" value="(login|consent)"/)?.[1];
		if (response.status !== 200 || !prompt)
			throw new Error(`the provider answered ${response.status} at ${url.pathname}: ${page.slice(0, 500)}`);
		const form: Record<string, string> = prompt === 'login' ? { prompt, login: options.login, password: 'any' } : { prompt };
		const submitted = await jar.fetch(url.href, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(form).toString()
		});
		if (submitted.status < 300 || submitted.status >= 400) throw new Error(`the provider's ${prompt} form answered ${submitted.status}`);
		url = new URL(submitted.headers.get('location')!, url);
	}
	throw new Error('the sign-in did not come back to the app');
}
