import { expect, test } from '@playwright/test';
import { createWorkshopAsFacilitator, gotoHydrated, horizontalOverflow, joinAsParticipant, setPhase } from './fixtures';

test("the system map and Testa i dialog as agenda phases: placed where the method puts them, the map on phones and the projector, starter factors keep their tags, test-next cards reach the board, paper cards keep their writer's sector", async ({
	browser
}) => {
	test.setTimeout(150_000);
	const facilitator = await createWorkshopAsFacilitator(browser, 'Systemkarta i Södertälje');
	const f = facilitator.page;
	const id = new URL(f.url()).pathname.split('/')[2]!;

	// Förbered: both phases are added where the seed's process has them, not at the end.
	await f.getByRole('link', { name: 'Förbered', exact: true }).click();
	await f.getByRole('button', { name: '+ Systemkarta' }).click();
	await f.getByRole('button', { name: '+ Testa i dialog' }).click();
	const names = f.locator('form.agenda ol.items .name');
	await expect(names.nth(0)).toHaveText('Välj fråga');
	await expect(names.nth(1)).toHaveText('Systemkarta');
	await expect(names.nth(6)).toHaveText('Välj och visualisera');
	await expect(names.nth(7)).toHaveText('Testa i dialog');
	await f.getByRole('button', { name: 'Spara agendan' }).click();
	await expect(f.getByText('Sparat.')).toBeVisible();
	await f.getByRole('link', { name: 'Tavla', exact: true }).click();

	const phone = await joinAsParticipant(browser, facilitator.code, { name: 'Lina', sector: 'Skola/förskola', phone: true });
	await setPhase(f, 'Systemkarta');
	await expect(f.getByTestId('phase-note')).toContainText('Workshop med stöd i systemkarta');

	// The phone points to the shared map.
	await expect(phone.page.locator('#phase-title')).toHaveText('Systemkarta');
	await expect(phone.page.getByTestId('map-phase')).toBeVisible();
	await phone.page.screenshot({ path: test.info().outputPath('phone-390-systemkarta.png'), fullPage: true });
	expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);

	// The facilitator pulls the theme's starter factors: each keeps its risk/protective tag and level.
	await f.getByTestId('open-map').click();
	await f.waitForURL(new RegExp(`/f/${id}/map`));
	await f.waitForSelector('body[data-hydrated="true"]');
	await f.getByLabel('Kartans tema').selectOption('fritid');
	await f.getByTestId('pull-starters').click();
	await f.getByRole('button', { name: 'Placera alla' }).click();
	const tagged = f.getByTestId('map-factor').filter({ has: f.getByTestId('factor-tag') });
	await expect(tagged.first()).toBeVisible();
	await expect(
		f
			.getByTestId('factor-tag')
			.filter({ hasText: /Skydd · universell/ })
			.first()
	).toBeVisible();
	await f.getByRole('button', { name: 'Lista', exact: true }).click();
	await expect(f.locator('.factor-tag.skydd').first()).toBeVisible();

	// The phone opens the same map from its board and sees the factors.
	await phone.page.getByTestId('open-map').click();
	await phone.page.waitForURL(new RegExp(`/w/${facilitator.code}/map`));
	await expect(phone.page.getByTestId('map-factor').first()).toBeVisible();

	// The projector's board in this phase is the room's map.
	const projector = await facilitator.context.newPage();
	await projector.setViewportSize({ width: 1920, height: 1080 });
	await gotoHydrated(projector, `/f/${id}/projektor`);
	await expect(projector.getByTestId('spotlight-map')).toBeVisible();
	await expect(projector.getByTestId('factor-tag').first()).toBeVisible();
	await projector.screenshot({ path: test.info().outputPath('projector-1920-systemkarta.png') });

	// The follow-up model's framework from seed 003 as a catalogue template: an implementation indicator to read.
	await gotoHydrated(f, `/f/${id}/data`);
	await f.getByText('Från mall: Stockholms uppföljningsmodeller').click();
	await f.getByTestId('template-choice').selectOption('stockholm-uppfoljningsmodell-resurs-genomforande-utfall');
	await f.getByRole('checkbox', { name: /^1\.2\.6 Väntetid/ }).check();
	await f.getByRole('button', { name: 'Lägg till valda (1)' }).click();
	await expect(f.getByTestId('indicator-item').filter({ hasText: '1.2.6 Väntetid' })).toBeVisible();

	// Testa i dialog: a participant writes what her sector wants to test next.
	await gotoHydrated(f, `/f/${id}`);
	await setPhase(f, 'Testa i dialog');
	await phone.page.goto(`/w/${facilitator.code}`);
	await phone.page.waitForSelector('body[data-hydrated="true"]');
	await expect(phone.page.getByTestId('test-phase')).toBeVisible();
	await expect(phone.page.getByTestId('test-indicator').filter({ hasText: '1.2.6 Väntetid' })).toBeVisible();
	await phone.page.getByLabel(/^Nytt kort:/).fill('Jämför frånvaron före och efter lovaktiviteterna');
	await phone.page.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await phone.page.screenshot({ path: test.info().outputPath('phone-390-testa.png'), fullPage: true });
	const lane = f.getByRole('region', { name: /^Testa härnäst/ });
	await expect(lane.getByTestId('card').filter({ hasText: 'Jämför frånvaron före och efter lovaktiviteterna' })).toBeVisible();
	await expect(projector.getByTestId('projector-card').filter({ hasText: 'Jämför frånvaron' })).toBeVisible();

	// A card written on paper in the hybrid room, typed in by the facilitator under its writer's sector.
	await f.getByLabel('Skrivet på papper av').selectOption({ label: 'Polis' });
	await f.getByLabel(/^Nytt kort:/).fill('Testa nattvandring två helger i rad');
	await f.getByRole('button', { name: 'Lägg till', exact: true }).click();
	const paperCard = lane.getByTestId('card').filter({ hasText: 'Testa nattvandring två helger i rad' });
	await expect(paperCard).toContainText('Polis');
	await expect(phone.page.getByTestId('card').filter({ hasText: 'Testa nattvandring' })).toContainText('Polis');
	await projector.screenshot({ path: test.info().outputPath('projector-1920-testa.png') });
});
