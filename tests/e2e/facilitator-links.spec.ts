import { expect, test } from '@playwright/test';
import { E2E_ORGANISER_PASSPHRASE } from '../../playwright.config';
import { createWorkshopAsFacilitator, gotoHydrated, seriousViolations } from './fixtures';

test('the facilitator link is shown once to keep; a co-facilitator gets a link of their own that can be revoked; an organiser opens the workshop as facilitator', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const owner = await createWorkshopAsFacilitator(browser, 'Länkar i Sollentuna', { keepNewLinkNotice: true });
	const f = owner.page;
	const id = new URL(f.url()).pathname.split('/')[2]!;

	// Right after creating: the workshop's own link, with a warning to keep it, until dismissed.
	const notice = f.getByTestId('new-facilitator-link');
	await expect(notice).toBeVisible();
	await expect(notice.getByTestId('own-facilitator-link')).toHaveText(new RegExp(`/f/${id}\\?key=`));
	await f.screenshot({ path: test.info().outputPath('new-link-1280.png') });
	expect(await seriousViolations(f)).toEqual([]);
	await notice.getByRole('button', { name: 'Jag har sparat länken' }).click();
	await expect(notice).toHaveCount(0);
	await f.reload();
	await expect(f.getByTestId('new-facilitator-link')).toHaveCount(0);

	// Förbered: a link of its own for a co-facilitator.
	await f.getByRole('link', { name: 'Förbered', exact: true }).click();
	const panel = f.getByTestId('facilitator-links');
	await panel.getByLabel('Vem är länken till?').fill('Anna, fältgruppen');
	await panel.getByRole('button', { name: 'Skapa länk' }).click();
	const url = (await panel.getByTestId('facilitator-link-url').textContent())!;
	await expect(panel.getByTestId('facilitator-link')).toContainText('Anna, fältgruppen');

	const anna = await (await browser.newContext()).newPage();
	await anna.goto(url);
	await anna.waitForURL(new RegExp(`/f/${id}$`));
	await anna.waitForSelector('body[data-hydrated="true"]');
	await expect(anna.getByTestId('connection')).toHaveAttribute('data-status', 'online');
	await expect(anna.getByRole('navigation', { name: 'Faser' })).toBeVisible();

	// Revoked: Anna's screen loses the connection at once, and the link opens nothing any more.
	await panel.getByRole('button', { name: /^Återkalla\s*: Anna, fältgruppen/ }).click();
	await expect(panel.getByTestId('facilitator-link')).toHaveCount(0);
	await expect(anna.getByTestId('connection')).not.toHaveAttribute('data-status', 'online');
	const again = await anna.goto(`/f/${id}`);
	expect(again?.status()).toBe(403);

	// The organiser opens the workshop from the archive as facilitator, with a link of their own.
	const organiser = await (await browser.newContext()).newPage();
	await gotoHydrated(organiser, '/arkiv');
	await organiser.getByLabel('Lösenfras').fill(E2E_ORGANISER_PASSPHRASE);
	await organiser.getByRole('button', { name: 'Logga in' }).click();
	await expect(organiser.getByRole('heading', { level: 2, name: 'Programmet', exact: true })).toBeVisible();
	await gotoHydrated(organiser, `/arkiv?q=${encodeURIComponent('Länkar i Sollentuna')}`);
	const row = organiser.getByTestId('archive-row').filter({ hasText: 'Länkar i Sollentuna' });

	// The organiser keeps the workshop's setup as a template for the municipality and starts a new workshop from it.
	await row.getByText('Spara som mall').click();
	await row.getByLabel('Kommun (frivilligt)').fill('Sollentuna');
	await row.getByRole('button', { name: 'Spara mallen' }).click();
	await expect(row.getByText('Sparad som mall.')).toBeVisible();
	const template = organiser.getByTestId('setup-template').filter({ hasText: 'Länkar i Sollentuna' });
	await expect(template).toContainText('Sollentuna');
	await template.getByRole('button', { name: /^Starta ny workshop/ }).click();
	await expect(organiser.getByTestId('template-link')).toHaveText(/\/f\/[a-z0-9]+\?key=/);
	await organiser.getByTestId('setup-templates').screenshot({ path: test.info().outputPath('arkiv-1280-templates.png') });

	await row.getByTestId('open-as-facilitator').click();
	await organiser.waitForURL(new RegExp(`/f/${id}$`));
	await organiser.waitForSelector('body[data-hydrated="true"]');
	await expect(organiser.getByTestId('connection')).toHaveAttribute('data-status', 'online');
	await f.reload();
	await expect(f.getByTestId('facilitator-links').getByTestId('facilitator-link')).toContainText('Organisatör');
});
