import { expect, test, type Locator, type Page } from '@playwright/test';
import { createWorkshopAsFacilitator, gotoHydrated, joinAsParticipant, seriousViolations } from './fixtures';

async function openMap(page: Page): Promise<void> {
	await page.getByRole('navigation', { name: 'Workshopens delar' }).getByRole('link', { name: 'Systemkarta' }).click();
	await page.waitForURL(/\/map$/);
	await expect(page.getByTestId('factor-form')).toBeVisible();
}

async function loopKinds(page: Page): Promise<(string | undefined)[]> {
	return page.getByTestId('loop').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.kind));
}

/** Drags from the middle of one factor box to the middle of another with the mouse, as on a laptop. */
/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
	for (let i = 0; i < limit; i++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`could not reach ${target} with Tab`);
}

test('three factors proposed on a phone are linked into a loop on the desktop, and both see it as R, then B', async ({ browser }) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Karta i plenum');
	const phone = await joinAsParticipant(browser, facilitator.code, { name: 'Ali', sector: 'Polis', phone: true });

	await openMap(phone.page);
	for (const label of ['Stress', 'Sömn', 'Skolresultat']) {
		await phone.page.getByLabel('Namn', { exact: true }).fill(label);
		await phone.page.getByRole('button', { name: 'Föreslå', exact: true }).click();
	}

	await openMap(facilitator.page);
	await expect(facilitator.page.getByTestId('map-tray')).toContainText('Att placera (3)');
	await facilitator.page.getByRole('button', { name: 'Placera alla' }).click();
	const factor = (label: string) => facilitator.page.getByTestId('map-factor').filter({ hasText: label });
	await expect(facilitator.page.getByTestId('map-factor')).toHaveCount(3);
	await expect(phone.page.getByTestId('map-factor')).toHaveCount(3);
	// The phone user's sector is part of each factor's accessible name.
	await expect(factor('Stress')).toHaveAttribute('aria-label', /Faktor, Polis/);

	await facilitator.page.getByRole('button', { name: 'Koppla', exact: true }).click();
	// In link mode a click on one factor and then another draws the link (the same as a tap
	// on a phone; dragging from one to the other does it too, but depends on where the
	// freshly laid-out factors happen to overlap).
	const links = facilitator.page.getByTestId('map-link');
	for (const [from, to] of [
		['Stress', 'Sömn'],
		['Sömn', 'Skolresultat'],
		['Skolresultat', 'Stress']
	] as const) {
		await factor(from).click();
		await factor(to).click();
	}
	await expect(links).toHaveCount(3);

	for (const page of [facilitator.page, phone.page]) {
		await expect.poll(() => loopKinds(page)).toEqual(['R']);
		await expect(page.getByTestId('loop')).toContainText('Förstärkande');
		// Listed from the factor with the smallest id, so any rotation of the cycle.
		for (const step of ['Stress → Sömn', 'Sömn → Skolresultat', 'Skolresultat → Stress']) {
			await expect(page.getByTestId('loop')).toContainText(step);
		}
	}

	// Clicking a link flips its polarity: one minus sign makes the loop balancing, everywhere.
	await facilitator.page.getByRole('button', { name: 'Flytta', exact: true }).click();
	const stressToSleep = await facilitator.page
		.getByRole('button', { name: /^Koppling från Stress till Sömn/ })
		.getAttribute('data-link-id');
	await facilitator.page.locator(`[data-testid="map-link-sign"][data-link-id="${stressToSleep}"]`).click();
	await expect(facilitator.page.getByTestId('map-announcer')).toHaveText('Kopplingen från Stress till Sömn är nu negativ (−).');
	for (const page of [facilitator.page, phone.page]) await expect.poll(() => loopKinds(page)).toEqual(['B']);

	// Selecting the loop highlights exactly its three factors and dims nothing of it.
	await phone.page.getByRole('button', { name: /^Visa på kartan/ }).click();
	await expect(phone.page.getByTestId('map-factor').and(phone.page.locator('.dim'))).toHaveCount(0);

	const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await phone.context.close();
	await facilitator.context.close();
});

test('the list view does the same with the keyboard alone', async ({ browser }) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Karta med tangentbord');
	const laptop = await joinAsParticipant(browser, facilitator.code, { name: 'Kim', sector: 'Skola/förskola' });
	const page = laptop.page;
	await openMap(page);
	await openMap(facilitator.page);

	const name = page.getByLabel('Namn', { exact: true });
	await tabTo(page, name);
	for (const label of ['Oro', 'Kamrater', 'Närvaro']) {
		await page.keyboard.type(label);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('map-announcer')).toContainText(label);
	}
	await expect(facilitator.page.getByTestId('map-tray')).toContainText('Att placera (3)');

	const listButton = page.getByRole('button', { name: 'Lista', exact: true });
	await tabTo(page, listButton);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('factor-row')).toHaveCount(3);

	const from = page.getByLabel('Från (orsak)');
	const to = page.getByLabel('Till (verkan)');
	const minus = page.getByLabel('− mer ger mindre');
	const add = page.getByRole('button', { name: 'Lägg till koppling' });
	const links: [string, string, '+' | '-'][] = [
		['Oro', 'Närvaro', '-'],
		['Närvaro', 'Kamrater', '+'],
		['Kamrater', 'Oro', '-']
	];
	// A closed select picks the option whose name starts with the letter typed; the three names start differently.
	for (const [cause, effect, polarity] of links) {
		await tabTo(page, from);
		await page.keyboard.press(cause.charAt(0));
		await expect(from.locator('option:checked')).toHaveText(cause);
		await page.keyboard.press('Tab');
		await page.keyboard.press(effect.charAt(0));
		await expect(to.locator('option:checked')).toHaveText(effect);
		await page.keyboard.press('Tab');
		// Arrow keys move between the two polarity radios and check the one they land on.
		if (polarity === '-') await page.keyboard.press('ArrowDown');
		await expect(minus).toBeChecked({ checked: polarity === '-' });
		await tabTo(page, add);
		await page.keyboard.press('Enter');
	}
	await expect(page.getByTestId('link-row')).toHaveCount(3);
	for (const p of [page, facilitator.page]) await expect.poll(() => loopKinds(p)).toEqual(['R']);

	// Flip one link from the list: an odd number of minus signs makes the loop balancing.
	const flip = page.getByRole('button', { name: /^Vänd polaritet\s*: Närvaro → Kamrater$/ });
	await tabTo(page, flip);
	await page.keyboard.press('Enter');
	for (const p of [page, facilitator.page]) await expect.poll(() => loopKinds(p)).toEqual(['B']);

	// Name the loop and tell its story, still from the keyboard.
	await tabTo(page, page.getByRole('button', { name: /^Namnge och berätta/ }));
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Namn på slingan')).toBeFocused();
	await page.keyboard.type('Ensamhetsspiralen');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Frånvaron ökade med 12 % samma år som fritidsgården stängde.');
	await tabTo(page, page.getByRole('button', { name: 'Spara', exact: true }));
	await page.keyboard.press('Enter');
	await expect(facilitator.page.getByTestId('loop')).toContainText('Ensamhetsspiralen');
	await expect(facilitator.page.getByTestId('loop')).toContainText('fritidsgården stängde');

	await laptop.context.close();
	await facilitator.context.close();
});

test('the map pages have no serious axe violations and no horizontal overflow at 360 and 1280 px', async ({ browser }) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Tillgänglig karta');
	const participant = await joinAsParticipant(browser, facilitator.code, { name: 'Robin', sector: 'Fritid/kultur', phone: true });
	const workshopId = new URL(facilitator.page.url()).pathname.split('/')[2];

	// An imported map with factors, links and a loop, so the checks see a full canvas.
	await openMap(facilitator.page);
	await facilitator.page.getByLabel('Fil (JSON eller CSV)').setInputFiles({
		name: 'karta.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('från;till;polaritet\nOro;Sömnbrist;+\nSömnbrist;Oro;+\nSömnbrist;Skolfrånvaro;+\n', 'utf8')
	});
	await facilitator.page.getByLabel('Namn på kartan (frivilligt)').fill('Sömn och oro');
	await facilitator.page.getByRole('button', { name: 'Importera' }).click();
	await expect(facilitator.page.getByTestId('map-title')).toHaveText('Sömn och oro');
	await expect(facilitator.page.getByTestId('map-choice')).toHaveCount(2);
	await expect(facilitator.page.getByTestId('map-factor')).toHaveCount(3);
	const mapPath = `${new URL(facilitator.page.url()).pathname}${new URL(facilitator.page.url()).search}`;
	const docQuery = new URL(facilitator.page.url()).search;
	expect(mapPath).toMatch(new RegExp(`^/f/${workshopId}/map\\?doc=map:[a-z0-9]+$`));

	const routes: [string, Page, string][] = [
		['participant map', participant.page, `/w/${facilitator.code}/map${docQuery}`],
		['facilitator map', facilitator.page, mapPath]
	];
	for (const [name, page, path] of routes) {
		for (const width of [360, 1280]) {
			await page.setViewportSize({ width, height: 900 });
			await gotoHydrated(page, path);
			await expect(page.getByTestId('map-factor')).toHaveCount(3);
			await expect.poll(() => loopKinds(page)).toEqual(['R']);
			expect(await seriousViolations(page), `${name} at ${width}px`).toEqual([]);
			await page.getByRole('button', { name: 'Lista', exact: true }).click();
			await expect(page.getByTestId('link-row')).toHaveCount(3);
			expect(await seriousViolations(page), `${name} list view at ${width}px`).toEqual([]);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow, `${name} overflows at ${width}px`).toBeLessThanOrEqual(0);
			await page.screenshot({ path: test.info().outputPath(`${name.replace(/\s/g, '-')}-${width}.png`), fullPage: true });
		}
	}
	await participant.context.close();
	await facilitator.context.close();
});

test('the facilitator removes an imported map: a phone looking at it is moved to the shared map, and undo brings it back', async ({
	browser
}) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Karta att ta bort');
	const phone = await joinAsParticipant(browser, facilitator.code, { name: 'Kim', sector: 'Skola/förskola', phone: true });
	const page = facilitator.page;
	await openMap(page);
	await page.getByLabel('Fil (JSON eller CSV)').setInputFiles({
		name: 'karta.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('från;till;polaritet\nOro;Sömnbrist;+\nSömnbrist;Oro;+\n', 'utf8')
	});
	await page.getByLabel('Namn på kartan (frivilligt)').fill('Fel karta');
	await page.getByRole('button', { name: 'Importera' }).click();
	await expect(page.getByTestId('map-title')).toHaveText('Fel karta');
	// The phone finds the imported map in its list of maps.
	await gotoHydrated(phone.page, `/w/${facilitator.code}/map`);
	await phone.page.getByTestId('map-choice').filter({ hasText: 'Fel karta' }).click();
	await expect(phone.page.getByTestId('map-title')).toHaveText('Fel karta');

	// The plenary map offers no removal; the imported one asks first.
	await page.getByTestId('map-choice').filter({ hasText: 'Plenumkarta' }).click();
	await expect(page.getByTestId('map-title')).toHaveText('Plenumkarta');
	await expect(page.getByRole('button', { name: 'Ta bort kartan' })).toHaveCount(0);
	await page.getByTestId('map-choice').filter({ hasText: 'Fel karta' }).click();
	await page.getByRole('button', { name: 'Ta bort kartan' }).click();
	await expect(page.getByText('Ta bort kartan ”Fel karta” för alla?')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Ja, ta bort' }).click();

	await expect(page.getByTestId('map-removed')).toContainText('Kartan togs bort');
	await expect(page.getByTestId('map-title')).toHaveText('Plenumkarta');
	await expect(page.getByTestId('map-choice')).toHaveCount(1);
	await expect(phone.page.getByTestId('map-removed')).toContainText('Processledaren tog bort kartan');
	await expect(phone.page.getByTestId('map-title')).toHaveText('Plenumkarta');
	await expect(phone.page.getByTestId('map-choice')).toHaveCount(0);
	expect(await seriousViolations(page)).toEqual([]);
	expect(await seriousViolations(phone.page)).toEqual([]);

	await page.getByRole('button', { name: 'Ångra' }).click();
	await expect(page.getByTestId('map-title')).toHaveText('Fel karta');
	await expect(page.getByTestId('map-choice')).toHaveCount(2);
	await expect(page.getByTestId('map-factor')).toHaveCount(2);
	await phone.context.close();
	await facilitator.context.close();
});
