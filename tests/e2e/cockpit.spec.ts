import { expect, test, type Page } from '@playwright/test';
import { createWorkshopAsFacilitator, gotoHydrated, horizontalOverflow, joinAsParticipant, seriousViolations, setPhase } from './fixtures';

/** Minutes and seconds left on the cockpit's timer, in seconds. */
async function secondsLeft(page: Page): Promise<number> {
	const text = (await page.getByTestId('cockpit').getByTestId('timer').textContent()) ?? '';
	const [, minutes, seconds] = /(\d+):(\d\d)/.exec(text) ?? [];
	return Number(minutes) * 60 + Number(seconds);
}

test('the cockpit: one bar beside the board at 1280×800, a phase stepper with names, added time, sectors, and the phase note from the method or the workshop', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const facilitator = await createWorkshopAsFacilitator(browser, 'Cockpit i Botkyrka');
	const f = facilitator.page;
	await f.setViewportSize({ width: 1280, height: 800 });
	const sara = await joinAsParticipant(browser, facilitator.code, { name: 'Sara', sector: 'Socialtjänst' });
	const ali = await joinAsParticipant(browser, facilitator.code, { name: 'Ali', sector: 'Polis', phone: true });
	await expect(f.getByTestId('sector-counts')).toContainText('2 deltagare');
	await expect(f.getByTestId('sector-counts')).toContainText('Socialtjänst 1');
	await expect(f.getByTestId('sector-counts')).toContainText('Polis 1');
	// Preparation lives in its own view: the running page only points there.
	await expect(f.getByTestId('prepare-first')).toBeVisible();
	await expect(f.getByLabel('Mål för samtalet')).toHaveCount(0);

	// The stepper names every phase of the agenda and marks the current one.
	const stepper = f.getByRole('navigation', { name: 'Faser' });
	// The default agenda's ten phases (with the closing reflection and the evaluation) and previous/next.
	await expect(stepper.getByRole('button')).toHaveCount(12);
	// In a writing phase the board is in view below the bar, without scrolling.
	await setPhase(f, 'Samverkan');
	await f.screenshot({ path: test.info().outputPath('cockpit-1280-samverkan.png') });
	await expect(f.getByTestId('cockpit')).toBeInViewport();
	await expect(f.getByTestId('board')).toBeInViewport();
	// A wish for the available data to answer.
	await setPhase(f, 'Önskvärd');
	await f.getByLabel(/^Nytt kort:/).fill('Frånvaro per skola och årskurs');
	await f.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await expect(f.getByTestId('card').filter({ hasText: 'Frånvaro per skola och årskurs' })).toBeVisible();
	await setPhase(f, 'Tillgänglig');
	await expect(stepper.getByRole('button', { name: 'Tillgänglig', exact: true })).toHaveAttribute('aria-current', 'step');
	await expect(sara.page.locator('#phase-title')).toHaveText('Tillgänglig');

	// The method's note for the phase: dig where you stand.
	await expect(f.getByTestId('phase-note')).toContainText('Gräv där du står');

	// Adding five minutes to the running timer.
	await f.getByRole('button', { name: 'Starta tiden' }).click();
	const before = await secondsLeft(f);
	await f.getByRole('button', { name: /^\+5/ }).click();
	await expect.poll(() => secondsLeft(f)).toBeGreaterThan(before + 4 * 60);
	await expect.poll(async () => (await sara.page.getByTestId('timer').textContent()) ?? '').toMatch(/(19|20):\d\d/);

	// An available-data card's details read as words in a laptop's narrow lane, not a letter or three per line.
	await f.getByLabel('Vilken data finns?').fill('Frånvarostatistik per skola');
	await f.getByLabel('Källa eller dataägare').fill('Skolverket');
	await f.getByRole('group', { name: 'Svarar på önskemål' }).getByRole('checkbox', { name: 'Frånvaro per skola och årskurs' }).check();
	await f.getByRole('button', { name: 'Lägg till tillgänglig data' }).click();
	const available = f.getByTestId('card').filter({ hasText: 'Frånvarostatistik per skola' });
	await expect(available).toBeVisible();
	const source = available.locator('dd').first();
	await expect(source).toHaveText('Skolverket');
	expect((await source.boundingBox())!.width).toBeGreaterThan(150);
	expect((await source.boundingBox())!.height).toBeLessThan(40);

	// At 1280×800 the bar and the current phase's board are in view together, even scrolled down.
	await f.getByLabel(/^Nytt kort:/).fill('Skolverkets statistik om frånvaro');
	await f.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await f.getByTestId('card').filter({ hasText: 'Skolverkets statistik' }).scrollIntoViewIfNeeded();
	await expect(f.getByTestId('cockpit')).toBeInViewport();
	await expect(f.getByTestId('card').filter({ hasText: 'Skolverkets statistik' })).toBeInViewport();
	await f.screenshot({ path: test.info().outputPath('cockpit-1280-tillganglig.png') });

	// The workshop's own note replaces the method's, from Förbered.
	await f.getByRole('link', { name: 'Förbered', exact: true }).click();
	await f.getByLabel('Anteckning för facilitatorn: Tillgänglig').fill('Be polisen visa sin lägesbild först.');
	await f.getByRole('button', { name: 'Spara agendan' }).click();
	await expect(f.getByText('Sparat.')).toBeVisible();
	await f.getByRole('link', { name: 'Tavla', exact: true }).click();
	await expect(f.getByTestId('phase-note')).toContainText('Be polisen visa sin lägesbild först.');
	await expect(f.getByTestId('phase-note')).not.toContainText('Gräv där du står');
	// Participants never see the facilitator's note.
	await expect(ali.page.getByText('Be polisen visa')).toHaveCount(0);

	for (const [width, height] of [
		[1920, 1080],
		[1280, 800],
		[390, 844]
	] as const) {
		await f.setViewportSize({ width, height });
		await f.evaluate(() => window.scrollTo(0, 0));
		// However narrow the screen, the current phase's step is in view in the stepper.
		await expect(stepper.getByRole('button', { name: 'Tillgänglig', exact: true })).toBeInViewport();
		expect(await seriousViolations(f), `cockpit at ${width}px`).toEqual([]);
		expect(await horizontalOverflow(f), `cockpit overflows at ${width}px`).toBeLessThanOrEqual(0);
		await f.screenshot({ path: test.info().outputPath(`cockpit-${width}x${height}.png`) });
	}
	await gotoHydrated(f, `${new URL(f.url()).pathname}/forbered`);
	expect(await seriousViolations(f), 'Förbered').toEqual([]);
	await f.screenshot({ path: test.info().outputPath('forbered-390.png'), fullPage: true });

	await sara.context.close();
	await ali.context.close();
	await facilitator.context.close();
});

test('groups: the number asked for is the number made and said; a new round starts on blank canvases and nobody stays summoned', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const facilitator = await createWorkshopAsFacilitator(browser, 'Grupper i Tyresö');
	const f = facilitator.page;
	const people = [
		await joinAsParticipant(browser, facilitator.code, { name: 'Sara', sector: 'Socialtjänst' }),
		await joinAsParticipant(browser, facilitator.code, { name: 'Ali', sector: 'Polis', phone: true }),
		await joinAsParticipant(browser, facilitator.code, { name: 'Kim', sector: 'Skola/förskola' })
	];
	await expect(f.getByTestId('sector-counts')).toContainText('3 deltagare');
	await setPhase(f, 'Samverkan');

	await f.getByLabel('Antal grupper').fill('2');
	await f.getByTestId('split-groups').click();
	await expect(f.getByTestId('group-list').getByRole('listitem')).toHaveCount(2);
	await expect(f.getByTestId('groups-status')).toHaveText('3 personer i 2 grupper.');

	// Someone writes on their group's canvas; the groups are merged into the plenary (which summons everyone).
	const writer = people[0]!.page;
	await writer.getByLabel('Nytt kort: Samverkan').fill('Fältassistenterna');
	await writer.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await expect(writer.getByTestId('card').filter({ hasText: 'Fältassistenterna' })).toBeVisible();
	await f.getByRole('button', { name: 'Slå ihop gruppernas dukar i helgrupp' }).click();
	await expect(f.getByLabel('Samla alla i helgrupp')).toBeChecked();

	// A new round: nobody is left summoned, and the group canvases are blank.
	await f.getByTestId('split-groups').click();
	await expect(f.getByLabel('Samla alla i helgrupp')).not.toBeChecked();
	await expect(writer.getByTestId('my-group')).toContainText('Grupp');
	await expect(writer.getByTestId('card').filter({ hasText: 'Fältassistenterna' })).toHaveCount(0);
	// In a group, a phone shows no empty ranking of the plenary's wishes.
	await expect(people[1]!.page.getByTestId('ranking')).toHaveCount(0);

	for (const person of people) await person.context.close();
	await facilitator.context.close();
});

test('the map offers starter factors from the workshop theme, not the first theme in the list', async ({ browser }) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Karta om skolnärvaro');
	const f = facilitator.page;
	await f.getByRole('link', { name: 'Förbered', exact: true }).click();
	await f.getByLabel('Tema').selectOption({ label: 'Skolnärvaro' });
	await f.getByRole('button', { name: 'Spara förberedelsen' }).click();
	await expect(f.getByText('Sparat.')).toBeVisible();
	await f.getByRole('link', { name: 'Systemkarta', exact: true }).click();
	await expect(f.getByLabel('Kartans tema')).toHaveValue('skolnarvaro');
	await facilitator.context.close();
});

test("a format chosen while preparing (a conference's 45-minute mini-workshop) becomes the agenda, with its own notes in the cockpit", async ({
	browser
}) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Konferens i Nynäshamn');
	const f = facilitator.page;
	await f.getByRole('link', { name: 'Förbered', exact: true }).click();
	await f.getByLabel('Upplägg', { exact: true }).selectOption({ label: 'Miniworkshop på konferens (ca 45 minuter)' });
	await expect(f.getByText('Totalt 45 minuter')).toBeVisible();
	await f.getByRole('button', { name: 'Spara agendan' }).click();
	await expect(f.getByText('Sparat.')).toBeVisible();
	await f.getByRole('link', { name: 'Tavla', exact: true }).click();
	const steps = f.getByRole('navigation', { name: 'Faser' }).getByTestId('phase-step');
	await expect(steps).toHaveCount(6);
	await expect(steps.filter({ hasText: 'Prioritera' })).toHaveCount(0);
	await expect(f.getByTestId('phase-note')).toContainText('Hitta någon/ra från din kommun');
	await facilitator.context.close();
});

test('preparing: the guidance on when each goal fits is in view, and a room of one sector is told to invite more', async ({ browser }) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Bara polisen');
	const f = facilitator.page;
	const first = await joinAsParticipant(browser, facilitator.code, { name: 'Ali', sector: 'Polis' });
	const second = await joinAsParticipant(browser, facilitator.code, { name: 'Eva', sector: 'Polis' });
	await f.getByRole('link', { name: 'Förbered', exact: true }).click();
	await expect(f.getByTestId('goal-guide')).toContainText('När ni är tidigt i processen');
	await expect(f.getByText('Bjud in flera verksamheter så att fler perspektiv blir synliga.')).toBeVisible();
	await first.context.close();
	await second.context.close();
	await facilitator.context.close();
});
