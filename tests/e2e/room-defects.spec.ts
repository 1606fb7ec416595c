import { expect, test, type Page } from '@playwright/test';
import { createWorkshopAsFacilitator, gotoHydrated, joinAsParticipant, setPhase } from './fixtures';

/** Defects a facilitator found walking through a workshop: each check here failed before its fix. */

async function addCard(page: Page, column: string, text: string) {
	await page.getByLabel(`Nytt kort: ${column}`).fill(text);
	await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
}

test('an unknown code and a wrong facilitator key get pages in Swedish (and English) that say what to do', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();

	for (const path of ['/j/XKQ7ZP', '/w/XKQ7ZP']) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi hittar ingen workshop med den koden');
		await expect(page.getByTestId('error-page')).toContainText('Kontrollera koden');
		await expect(page.getByTestId('error-page')).toContainText('fråga facilitatorn');
		await expect(page.getByRole('link', { name: 'Skriv in koden igen' })).toHaveAttribute('href', '/');
		await expect(page.getByText('Not found')).toHaveCount(0);
	}

	const facilitator = await createWorkshopAsFacilitator(browser, 'Fel nyckel');
	const id = /\/f\/([a-z0-9]+)$/.exec(facilitator.page.url())![1]!;
	const wrong = await page.goto(`/f/${id}?key=wrong`);
	expect(wrong?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Länken fungerar inte');
	await expect(page.getByTestId('error-page')).toContainText('skicka länken igen');
	await expect(page.getByText('Forbidden')).toHaveCount(0);

	// English when chosen.
	const origin = new URL(facilitator.page.url()).origin;
	await context.addCookies([{ name: 'dd_lang', value: 'en', url: origin }]);
	expect((await page.goto('/j/XKQ7ZP'))?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("We can't find a workshop with that code");
	expect((await page.goto(`/f/${id}?key=wrong`))?.status()).toBe(403);
	await expect(page.getByTestId('error-page')).toContainText('send the link again');

	await context.close();
	await facilitator.context.close();
});

test('voting names the cap, disables + at it, says "1 prick", heads proxy dots with the name and ranks with ties', async ({ browser }) => {
	test.setTimeout(120_000);
	const facilitator = await createWorkshopAsFacilitator(browser, 'Prickar');
	const f = facilitator.page;
	const sara = await joinAsParticipant(browser, facilitator.code, { name: 'Sara', sector: 'Socialtjänst', phone: true });
	const s = sara.page;
	const errors: string[] = [];
	s.on('pageerror', (error) => errors.push(error.message));

	await setPhase(f, 'Önskvärd');
	await addCard(s, 'Önskvärd data', 'Önskan A');
	await addCard(s, 'Önskvärd data', 'Önskan B');
	await addCard(s, 'Önskvärd data', 'Önskan C');
	await expect(f.getByTestId('waiting')).toHaveText('3 privata kort väntar');
	await f.getByTestId('reveal').click();
	for (const text of ['Önskan A', 'Önskan B', 'Önskan C']) await expect(s.getByTestId('card').filter({ hasText: text })).toHaveCount(1);

	await setPhase(f, 'Prioritera');
	await f.getByLabel('Max per kort').fill('2');
	await f.getByTestId('open-vote').click();
	await expect(s.getByTestId('dot-cap')).toHaveText('Högst 2 prickar per kort');
	const plus = (page: Page, text: string) =>
		page
			.getByTestId('ballot-card')
			.filter({ hasText: text })
			.getByRole('button', { name: /Lägg en prick/ });
	await expect(s.getByTestId('dots-left')).toHaveText('3 prickar kvar');
	await plus(s, 'Önskan A').click();
	await expect(s.getByTestId('dots-left')).toHaveText('2 prickar kvar');
	await plus(s, 'Önskan A').click();
	await expect(s.getByTestId('dots-left')).toHaveText('1 prick kvar');
	await expect(plus(s, 'Önskan A')).toBeDisabled();
	await expect(plus(s, 'Önskan B')).toBeEnabled();
	await expect(s.getByText('Det krockar med en annan ändring')).toHaveCount(0);
	await plus(s, 'Önskan B').click();
	await expect(s.getByTestId('dots-left')).toHaveText('0 prickar kvar');

	// A proxy voter's ballot is headed with their name, not "Dina prickar".
	await f.getByLabel('Röstar åt (namn, utan telefon)').fill('Rut');
	await f
		.locator('form')
		.filter({ has: f.getByLabel('Röstar åt (namn, utan telefon)') })
		.getByRole('button', { name: 'Lägg till', exact: true })
		.click();
	await f.getByRole('radio', { name: /Rut/ }).check();
	await expect(f.locator('#voting-heading')).toHaveText('Prickar för Rut');
	await plus(f, 'Önskan C').click();
	await expect(f.getByTestId('dots-left')).toHaveText('2 prickar kvar');

	await f.getByTestId('close-vote').click();
	const rows = s.getByTestId('ranking-row');
	await expect(rows).toHaveCount(3);
	await expect(rows.nth(0)).toContainText('Önskan A');
	await expect(rows.nth(0).getByTestId('rank')).toContainText('1');
	await expect(rows.nth(0).getByTestId('rank')).not.toContainText('delad');
	await expect(rows.nth(1).getByTestId('rank')).toContainText('2 (delad)');
	await expect(rows.nth(2).getByTestId('rank')).toContainText('2 (delad)');
	await expect(rows.nth(1)).toContainText('1 prick');

	expect(errors).toEqual([]);
	await sara.context.close();
	await facilitator.context.close();
});

test('a phone is told when the board is locked and when the workshop is closed', async ({ browser }) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Låst och stängd');
	const f = facilitator.page;
	const kim = await joinAsParticipant(browser, facilitator.code, { name: 'Kim', sector: 'Polis', phone: true });
	const k = kim.page;

	await setPhase(f, 'Samverkan');
	await expect(k.getByLabel('Nytt kort: Samverkan')).toBeVisible();
	await expect(k.getByTestId('board-notice')).toHaveCount(0);
	await f.getByLabel('Lås tavlan').check();
	await expect(k.getByTestId('board-notice')).toHaveText(/Facilitatorn har låst tavlan/);
	await f.getByLabel('Lås tavlan').uncheck();
	await expect(k.getByTestId('board-notice')).toHaveCount(0);

	// The facilitator closes the workshop: the next change the phone tries is refused with key `closed`.
	const id = /\/f\/([a-z0-9]+)$/.exec(f.url())![1]!;
	const closed = await f.request.post(`/api/workshops/${id}/close`, { data: {} });
	expect(closed.status()).toBe(200);
	await addCard(k, 'Samverkan', 'Fältassistenterna');
	await expect(k.getByTestId('board-notice')).toHaveText(/Workshopen är avslutad/);
	// And a phone that opens the board later is told at once.
	await gotoHydrated(k, `/w/${facilitator.code}`);
	await expect(k.getByTestId('board-notice')).toHaveText(/Workshopen är avslutad/);
	await expect(k.getByLabel('Nytt kort: Samverkan')).toHaveCount(0);

	await kim.context.close();
	await facilitator.context.close();
});
