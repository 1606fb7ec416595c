import { expect, test, type Page } from '@playwright/test';
import { createWorkshopAsFacilitator, gotoHydrated, horizontalOverflow, joinAsParticipant, seriousViolations, setPhase } from './fixtures';

const NAME = 'Sara Svensson';

async function addNextStep(page: Page, text: string, owner: string, due: string) {
	await page.getByLabel('Vad ska göras?').fill(text);
	await page.getByLabel('Vem ansvarar?').fill(owner);
	await page.getByLabel('Till när?').fill(due);
	await page.getByRole('button', { name: 'Lägg till nästa steg' }).click();
}

test('close a workshop, read and print its report, then start a follow-up that carries the open next steps', async ({ browser }) => {
	test.setTimeout(120_000);
	const facilitator = await createWorkshopAsFacilitator(browser, 'Trygghet i Haninge');
	const f = facilitator.page;
	const workshopPath = new URL(f.url()).pathname;

	await f.getByRole('link', { name: 'Förbered', exact: true }).click();
	await f.getByLabel('Mål för samtalet').selectOption({ label: 'Att enas om en gemensam lägesbild' });
	await f.getByLabel('Tema').selectOption({ label: 'Skolnärvaro' });
	await f.getByRole('radio', { name: /Förebyggande/ }).check();
	await f.getByRole('button', { name: 'Spara förberedelsen' }).click();
	await expect(f.getByText('Sparat.')).toBeVisible();
	await f.getByRole('link', { name: 'Tavla', exact: true }).click();
	const participant = await joinAsParticipant(browser, facilitator.code, { name: NAME, sector: 'Socialtjänst', phone: true });
	await expect(f.getByTestId('presence-count')).toHaveText('(1)');
	await setPhase(f, 'Nästa steg');
	await addNextStep(f, 'Möte med rektorerna om frånvarodata', 'Socialtjänsten', '2027-01-15');
	await addNextStep(f, 'Visualisera frånvaron per stadsdel', 'Analysenheten', '2027-02-01');
	await expect(f.getByTestId('card').filter({ hasText: 'Visualisera frånvaron per stadsdel' })).toBeVisible();

	// The report page: a draft until the workshop is closed.
	await gotoHydrated(f, `${workshopPath}/rapport`);
	const report = f.locator('.dd-report');
	await expect(report).toContainText('Utkast');
	await expect(report.getByRole('heading', { level: 2, name: 'Nästa steg' })).toBeVisible();

	// "Avsluta workshop" with the default follow-up dates freezes version 1.
	await f.getByTestId('close-workshop').click();
	await expect(f.getByLabel('Första uppföljningen (efter 3–6 månader)')).not.toHaveValue('');
	await f.getByTestId('confirm-close').click();
	await expect(f.getByTestId('archive-status')).toHaveAttribute('data-status', 'closed');
	await expect(report).toContainText('Version 1, fryst');
	await expect(report).toContainText('Hur kan vi förebygga skolfrånvaro och avhopp?');
	await expect(report.getByRole('cell', { name: 'Socialtjänst', exact: true })).toBeVisible();
	await expect(report).not.toContainText(NAME);
	await expect(report.getByRole('heading', { level: 2, name: 'Uppföljning', exact: true })).toBeVisible();

	// Once closed, the participant's board says so and offers no way to write.
	await gotoHydrated(participant.page, `/w/${facilitator.code}`);
	await expect(participant.page.getByTestId('board-notice')).toHaveText(/Workshopen är avslutad/);
	await expect(participant.page.getByRole('button', { name: 'Lägg till nästa steg' })).toHaveCount(0);

	// Accessible, and no sideways scrolling on a phone.
	for (const width of [360, 1280]) {
		await f.setViewportSize({ width, height: 900 });
		expect(await seriousViolations(f), `report at ${width}px`).toEqual([]);
		expect(await horizontalOverflow(f), `report overflows at ${width}px`).toBeLessThanOrEqual(0);
		await f.screenshot({ path: test.info().outputPath(`report-${width}.png`), fullPage: true });
	}

	// Printing hides the app around the report and gives a PDF.
	await f.emulateMedia({ media: 'print' });
	await expect(f.getByTestId('archive-bar')).toBeHidden();
	await expect(f.locator('header.top')).toBeHidden();
	await expect(report).toBeVisible();
	const pdf = await f.pdf({ format: 'A4', printBackground: true });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	expect(pdf.byteLength).toBeGreaterThan(10_000);
	await f.emulateMedia({ media: 'screen' });

	// "Starta uppföljning": a new workshop with both next steps, each open until marked.
	await f.getByTestId('start-follow-up').click();
	await f.getByTestId('follow-up-link').click();
	await f.waitForURL(/\/f\/[a-z0-9]+$/);
	await f.waitForSelector('body[data-hydrated="true"]');
	const followUpPath = new URL(f.url()).pathname;
	expect(followUpPath).not.toBe(workshopPath);
	await expect(f.getByRole('heading', { level: 1 })).toHaveText('Uppföljning: Trygghet i Haninge');
	await expect(f.getByTestId('card').filter({ hasText: 'Möte med rektorerna om frånvarodata' })).toBeVisible();
	await expect(f.getByTestId('card').filter({ hasText: 'Visualisera frånvaron per stadsdel' })).toBeVisible();
	// The link opened the follow-up on its own session, not over the closed workshop's: its phase, and writing works without a reload.
	await expect(f.getByTestId('phase')).toHaveAttribute('data-phase', 'valj-fraga');
	await f.getByLabel(/^Nytt kort:/).fill('Rektorerna i Haninge');
	await f.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await expect(f.getByTestId('card').filter({ hasText: 'Rektorerna i Haninge' })).toBeVisible();
	await expect(f.getByRole('alert')).toHaveCount(0);

	await gotoHydrated(f, `${followUpPath}/rapport`);
	const steps = f.getByTestId('carried-step');
	await expect(steps).toHaveCount(2);
	const first = steps.filter({ hasText: 'Möte med rektorerna' });
	await first.getByLabel('Status').selectOption({ label: 'Genomfört' });
	await first.getByRole('button', { name: 'Spara' }).click();
	await expect(first.getByRole('status')).toHaveText('Sparat.');
	await f.reload();
	await expect(f.locator('.dd-report')).toContainText('Den här workshopen följer upp Trygghet i Haninge (version 1).');
	await expect(f.locator('.dd-report tr', { hasText: 'Möte med rektorerna' })).toContainText('Genomfört');
	await expect(f.locator('.dd-report tr', { hasText: 'Visualisera frånvaron' })).toContainText('Öppet');

	// The archive lists both workshops for this facilitator, searchable, with the next follow-up date.
	for (const width of [360, 1280]) {
		await f.setViewportSize({ width, height: 900 });
		await gotoHydrated(f, '/arkiv');
		await expect(f.getByTestId('archive-row')).toHaveCount(2);
		expect(await seriousViolations(f), `archive at ${width}px`).toEqual([]);
		expect(await horizontalOverflow(f), `archive overflows at ${width}px`).toBeLessThanOrEqual(0);
		await f.screenshot({ path: test.info().outputPath(`archive-${width}.png`), fullPage: true });
	}
	const original = f.getByTestId('archive-row').filter({ hasText: 'Trygghet i Haninge' }).filter({ hasNotText: 'Uppföljning:' });
	await expect(original.getByTestId('archive-row-status')).toHaveText('Avslutad');
	await expect(original).toContainText('Skolnärvaro');
	await f.getByLabel('Sök på titel, tema eller kod').fill('uppföljning');
	await f.getByRole('button', { name: 'Sök', exact: true }).click();
	await expect(f.getByTestId('archive-row')).toHaveCount(1);

	await participant.context.close();
	await facilitator.context.close();
});
