import { existsSync } from 'node:fs';

/**
 * Server-side PDF of the report through headless Chromium, driven by
 * playwright-core. playwright-core arrives with the dev dependency
 * @playwright/test, so a production install (`npm ci --omit=dev`) may lack it,
 * and the machine may lack Chromium: either way the caller gets
 * `PdfUnavailable` and answers 501 (browsers can still print the HTML report).
 */
export class PdfUnavailable extends Error {}

/** CHROMIUM_PATH if set, else Debian's package. */
const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Two at a time: each conversion starts a browser, and a burst of clicks must not start twenty. */
const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];

type Chromium = (typeof import('playwright-core'))['chromium'];

async function loadChromium(): Promise<Chromium> {
	if (!existsSync(chromiumPath())) throw new PdfUnavailable(`no Chromium at ${chromiumPath()} (set CHROMIUM_PATH)`);
	// A variable specifier: adapter-node bundles anything not in `dependencies`, and
	// playwright-core must stay an optional, external module resolved at run time.
	const name = 'playwright-core';
	try {
		const module = (await import(/* @vite-ignore */ name)) as { chromium: Chromium };
		return module.chromium;
	} catch {
		throw new PdfUnavailable('playwright-core is not installed (it comes with the dev dependencies)');
	}
}

/** The report page (self-contained HTML) as an A4 PDF. Nothing is fetched: scripts are off and every request is refused. */
export async function htmlToPdf(html: string): Promise<Uint8Array> {
	const chromium = await loadChromium();
	await slot();
	try {
		const browser = await chromium
			.launch({ executablePath: chromiumPath(), args: ['--headless', '--no-sandbox', '--disable-gpu'] })
			.catch((error: Error) => {
				throw new PdfUnavailable(`Chromium could not start: ${error.message.split('\n')[0]}`);
			});
		try {
			const context = await browser.newContext({ javaScriptEnabled: false });
			await context.route('**/*', (route) => route.abort());
			const page = await context.newPage();
			await page.setContent(html, { waitUntil: 'load' });
			return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
		} finally {
			await browser.close();
		}
	} finally {
		release();
	}
}

function slot(): Promise<void> {
	if (running < MAX_RUNNING) {
		running++;
		return Promise.resolve();
	}
	return new Promise((resolve) => waiting.push(resolve));
}

function release(): void {
	const next = waiting.shift();
	if (next) next();
	else running--;
}
