import { expect, test, type Page } from '@playwright/test';
import { createWorkshopAsFacilitator, gotoHydrated, horizontalOverflow, joinAsParticipant, seriousViolations, setPhase } from './fixtures';

const WIDTHS = [360, 1280];

test('every route has no serious or critical axe violations and no horizontal overflow at 360 and 1280 px', async ({ browser }) => {
	// About twenty page loads, each checked by axe: a minute and more on a busy 2-core machine.
	test.setTimeout(180_000);
	const facilitator = await createWorkshopAsFacilitator(browser, 'Tillgänglighetsprov');
	const participant = await joinAsParticipant(browser, facilitator.code, { name: 'Robin', sector: 'Fritid/kultur', phone: true });
	const facilitatorPath = new URL(facilitator.page.url()).pathname;
	const routes: [string, Page, string][] = [
		['home', participant.page, '/'],
		['join', participant.page, `/j/${facilitator.code}?preview`],
		['participant board', participant.page, `/w/${facilitator.code}`],
		['facilitator', facilitator.page, facilitatorPath],
		['prepare', facilitator.page, `${facilitatorPath}/forbered`],
		['projector', facilitator.page, `${facilitatorPath}/projektor`],
		['accessibility statement', participant.page, '/tillganglighet']
	];
	for (const [name, page, path] of routes) {
		for (const width of WIDTHS) {
			await page.setViewportSize({ width, height: 900 });
			await gotoHydrated(page, path);
			expect(await seriousViolations(page), `${name} at ${width}px`).toEqual([]);
			expect(await horizontalOverflow(page), `${name} overflows at ${width}px`).toBeLessThanOrEqual(0);
			await page.screenshot({ path: test.info().outputPath(`${name.replace(/\s/g, '-')}-${width}.png`), fullPage: true });
		}
	}
	// The participant's forms in the later phases: available data, gaps, next steps, the reflection and the evaluation, summary.
	for (const [phase, id] of [
		['Tillgänglig', 'tillganglig'],
		['Nästa steg', 'nasta-steg'],
		['Reflektion', 'reflektion'],
		['Utvärdering', 'utvardering'],
		['Sammanfattning', 'sammanfattning']
	]) {
		await gotoHydrated(facilitator.page, facilitatorPath);
		await setPhase(facilitator.page, phase!);
		for (const width of WIDTHS) {
			await participant.page.setViewportSize({ width, height: 900 });
			await gotoHydrated(participant.page, `/w/${facilitator.code}`);
			await expect(participant.page.getByTestId('phase')).toHaveAttribute('data-phase', id!);
			expect(await seriousViolations(participant.page), `participant in ${phase} at ${width}px`).toEqual([]);
			expect(await horizontalOverflow(participant.page), `participant in ${phase} overflows at ${width}px`).toBeLessThanOrEqual(0);
		}
	}

	// The participant's voting screen and the facilitator's vote controls.
	await gotoHydrated(facilitator.page, facilitatorPath);
	await setPhase(facilitator.page, 'Prioritera');
	await facilitator.page.getByTestId('open-vote').click();
	for (const [name, page, path] of [
		['participant voting', participant.page, `/w/${facilitator.code}`],
		['facilitator voting', facilitator.page, facilitatorPath]
	] as const) {
		await page.setViewportSize({ width: 360, height: 900 });
		await gotoHydrated(page, path);
		await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'prioritera');
		expect(await seriousViolations(page), name).toEqual([]);
		expect(await horizontalOverflow(page), `${name} overflows`).toBeLessThanOrEqual(0);
	}
	await participant.context.close();
	await facilitator.context.close();
});

test('the interface is Swedish by default and English is one click away, remembered per browser', async ({ page }) => {
	await gotoHydrated(page, '/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datadrivna dialoger');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data-driven dialogues');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await gotoHydrated(page, '/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data-driven dialogues');
	await page.getByRole('button', { name: 'Svenska' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datadrivna dialoger');
});

test('joining, adding a card and voting work with the keyboard alone', async ({ browser }) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Tangentbordsprov');
	const context = await browser.newContext();
	const page = await context.newPage();
	await gotoHydrated(page, `/j/${facilitator.code}`);
	// Tab from the top of the page to the name field, type, then pick a sector with the arrow keys.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Hoppa till innehållet' })).toBeFocused();
	await page.getByLabel('Ditt namn (frivilligt)').focus();
	await page.keyboard.type('Tangent');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowDown');
	await expect(page.getByLabel('Skola/förskola', { exact: true })).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Gå med' })).toBeFocused();
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/w\//);
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'online');

	await setPhase(facilitator.page, 'Samverkan');
	await page.getByTestId('ready').focus();
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Nytt kort: Samverkan')).toBeFocused();
	await page.keyboard.type('Kort skrivet med tangentbordet');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Lägg till' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(facilitator.page.getByTestId('card').filter({ hasText: 'Kort skrivet med tangentbordet' })).toBeVisible();

	// Voting with the keyboard: from "Jag är klar", Tab reaches the first "+" (the "−" is disabled).
	await setPhase(facilitator.page, 'Önskvärd');
	await facilitator.page.getByLabel('Nytt kort: Önskvärd data').fill('Närvaro per skola');
	await facilitator.page.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await setPhase(facilitator.page, 'Prioritera');
	await facilitator.page.getByTestId('open-vote').click();
	await expect(page.getByTestId('dots-left')).toHaveText('3 prickar kvar');
	await page.getByTestId('ready').focus();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: /Lägg en prick på: Närvaro per skola/ })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('dots-left')).toHaveText('2 prickar kvar');
	await context.close();
	await facilitator.context.close();
});
