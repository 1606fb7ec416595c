import { expect, test } from '@playwright/test';
import { createWorkshopAsFacilitator, gotoHydrated, horizontalOverflow, joinAsParticipant, seriousViolations, setPhase } from './fixtures';

/** Issue 19: a workshop's sectors, with the seeds' other actors ready to add or one typed in by the facilitator. */
test('the facilitator adds a sector of their own; a phone joins with it and the room reads it on the board and the projector', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const facilitator = await createWorkshopAsFacilitator(browser, 'Trygghet i centrum med församlingen');
	const f = facilitator.page;
	const workshopPath = new URL(f.url()).pathname;

	await f.getByRole('link', { name: 'Förbered', exact: true }).click();
	const chooser = f.getByTestId('sector-chooser');
	await chooser.getByLabel('Fastighetsägare', { exact: true }).check();
	const own = chooser.getByLabel('Annan sektor eller aktör');
	// A name that could break a CSV cell is refused with a Swedish message, and nothing is added.
	await own.fill('=HYPERLINK("x")');
	await chooser.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await expect(chooser.getByRole('alert')).toContainText('Skriv ett namn på 2–40 tecken');
	await expect(chooser.getByRole('checkbox')).toHaveCount(17);
	// Enter adds, and the new sector comes ticked.
	await own.fill('Svenska kyrkan');
	await own.press('Enter');
	await expect(chooser.getByLabel('Svenska kyrkan', { exact: true })).toBeChecked();
	await expect(chooser.getByRole('alert')).toBeHidden();
	await own.fill('polis');
	await chooser.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await expect(chooser.getByRole('alert')).toHaveText('Den sektorn finns redan i listan.');
	await chooser.getByRole('button', { name: 'Spara sektorerna' }).click();
	await expect(chooser.getByRole('status')).toHaveText('Sparat.');
	for (const width of [390, 1280]) {
		await f.setViewportSize({ width, height: 900 });
		await chooser.screenshot({ path: test.info().outputPath(`sector-chooser-${width}.png`) });
		expect(await horizontalOverflow(f), `overflow at ${width}`).toBe(0);
	}
	expect(await seriousViolations(f)).toEqual([]);
	await f.setViewportSize({ width: 1280, height: 800 });

	// A reload keeps the typed-in sector in the list.
	await f.reload();
	await f.waitForSelector('body[data-hydrated="true"]');
	await expect(f.getByTestId('sector-chooser').getByLabel('Svenska kyrkan', { exact: true })).toBeChecked();

	const projectorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	await projectorContext.addCookies(await f.context().cookies());
	const p = await projectorContext.newPage();
	await gotoHydrated(f, workshopPath);
	await gotoHydrated(p, `${workshopPath}/projektor`);
	await f.getByTestId('spotlight-pick').locator('summary').click();
	await f.getByTestId('spotlight-join').click();

	const diakon = await joinAsParticipant(browser, facilitator.code, { name: 'Diakon', sector: 'Svenska kyrkan', phone: true });
	await joinAsParticipant(browser, facilitator.code, { name: 'Eva', sector: 'Fastighetsägare', phone: true });
	await expect(p.locator('[data-sector="egen:Svenska kyrkan"] [data-testid="sector-count"]')).toHaveText('1');
	await expect(p.getByTestId('join-slide')).toContainText('Svenska kyrkan');
	await p.screenshot({ path: test.info().outputPath('projector-join-1920.png') });

	await setPhase(f, 'Önskvärd');
	await diakon.page.getByLabel('Nytt kort: Önskvärd data').fill('Otrygghet kvällstid per område');
	await diakon.page.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await f.getByTestId('reveal').click();
	const card = f.getByTestId('card').filter({ hasText: 'Otrygghet kvällstid per område' });
	await expect(card).toContainText('Svenska kyrkan');
	await expect(f.getByTestId('sector-counts')).toContainText('Svenska kyrkan 1');
	await diakon.page.screenshot({ path: test.info().outputPath('phone-390.png') });
	expect(await horizontalOverflow(diakon.page)).toBe(0);
});
