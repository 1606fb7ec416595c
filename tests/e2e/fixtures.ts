import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Waits for SvelteKit hydration: a click before it is silently lost (the button has no handler yet). */
export async function gotoHydrated(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.waitForSelector('body[data-hydrated="true"]');
}

/** Creates a workshop from the home page as a facilitator would; returns the page on the facilitator screen. */
export async function createWorkshopAsFacilitator(browser: Browser, title: string, options: { keepNewLinkNotice?: boolean } = {}) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await gotoHydrated(page, '/');
	await page.getByLabel('Namn på workshopen').fill(title);
	await page.getByRole('button', { name: 'Skapa workshop' }).click();
	await page.waitForURL(/\/f\/[a-z0-9]+\?ny=1$/);
	await page.waitForSelector('body[data-hydrated="true"]');
	const code = (await page.getByTestId('join-code').textContent())!.replace(/\s/g, '');
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'online');
	// The facilitator link shown once after creating (facilitator-links.spec reads it): saved, as a facilitator would.
	if (options.keepNewLinkNotice !== true) await page.getByRole('button', { name: 'Jag har sparat länken' }).click();
	return { context, page, code };
}

/** Joins a workshop by code from the home page, with a name and a sector. */
/**
 * A network that blocks WebSockets (a municipal proxy refusing the upgrade): every WebSocket
 * the page opens fails as the browser reports it, with an error and then a close.
 */
function refuseWebSockets(): void {
	class RefusedWebSocket extends EventTarget {
		static readonly CONNECTING = 0;
		static readonly OPEN = 1;
		static readonly CLOSING = 2;
		static readonly CLOSED = 3;
		readyState = 0;
		binaryType = 'blob';
		onopen: ((event: Event) => void) | null = null;
		onerror: ((event: Event) => void) | null = null;
		onclose: ((event: CloseEvent) => void) | null = null;
		onmessage: ((event: MessageEvent) => void) | null = null;
		constructor(readonly url: string) {
			super();
			setTimeout(() => {
				this.readyState = 3;
				this.onerror?.(new Event('error'));
				this.onclose?.(new CloseEvent('close', { code: 1006, wasClean: false }));
			}, 20);
		}
		send(): void {}
		close(): void {}
	}
	Object.defineProperty(window, 'WebSocket', { value: RefusedWebSocket });
}

export async function joinAsParticipant(
	browser: Browser,
	code: string,
	options: { name: string; sector: string; phone?: boolean; blockWebSockets?: boolean }
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext(options.phone ? PHONE : {});
	if (options.blockWebSockets) await context.addInitScript(refuseWebSockets);
	const page = await context.newPage();
	await gotoHydrated(page, '/');
	await page.getByLabel('Kod', { exact: true }).fill(code.toLowerCase());
	await page.getByRole('button', { name: 'Gå med', exact: true }).click();
	await page.waitForURL(new RegExp(`/j/${code}$`));
	await page.waitForSelector('body[data-hydrated="true"]');
	if (options.name) await page.getByLabel('Ditt namn (frivilligt)').fill(options.name);
	await page.getByLabel(options.sector, { exact: true }).check();
	await page.getByRole('button', { name: 'Gå med' }).click();
	await page.waitForURL(new RegExp(`/w/${code}$`));
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'online');
	return { context, page };
}

/** The projector: its own browser, signed in as the facilitator through the facilitator's cookie, at 1920×1080. */
export async function openProjector(browser: Browser, facilitator: Page): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	await context.addCookies(await facilitator.context().cookies());
	const page = await context.newPage();
	await gotoHydrated(page, `${new URL(facilitator.url()).pathname}/projektor`);
	return { context, page };
}

/** The spotlight picker sits folded in the cockpit bar; open it (once) before choosing. */
export async function openPicker(page: Page): Promise<void> {
	const picker = page.getByTestId('spotlight-pick');
	if (!(await picker.evaluate((element) => (element as HTMLDetailsElement).open))) await picker.locator('summary').click();
}

/** The facilitator moves the workshop to a phase, by its Swedish title, and waits until it shows. */
export async function setPhase(page: Page, title: string): Promise<void> {
	await page.getByRole('navigation', { name: 'Faser' }).getByRole('button', { name: title, exact: true }).click();
	await expect(page.locator('#phase-title')).toHaveText(title);
}

/** Serious or critical WCAG 2.1 AA violations axe finds on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** How many pixels the page scrolls sideways; 0 or less means it fits. */
export async function horizontalOverflow(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
