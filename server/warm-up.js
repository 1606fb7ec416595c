// SvelteKit loads each route's modules on its first request. Loading them while people
// join stalled the event loop for up to 300 ms (every room waits, and the first joins
// waited longest), so they are loaded before the server listens.
import { readFile } from 'node:fs/promises';

const BUILD = new URL('../build/', import.meta.url);

/** Loads every page and endpoint module of the build; a failure only costs the head start. */
export async function warmUp() {
	const handler = await readFile(new URL('handler.js', BUILD), 'utf8');
	const chunk = /\.\/(server\/chunks\/manifest\.js[^'"]*)/.exec(handler)?.[1];
	if (!chunk) return 0;
	/** @type {{ m: { _: { nodes: (() => Promise<unknown>)[], routes: { endpoint: (() => Promise<unknown>) | null }[] } } }} */
	const { m: manifest } = await import(new URL(chunk, BUILD).href);
	const loaders = [...manifest._.nodes, ...manifest._.routes.flatMap((route) => (route.endpoint ? [route.endpoint] : []))];
	for (const load of loaders) await load();
	return loaders.length;
}
