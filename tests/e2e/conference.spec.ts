import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PHONE, createWorkshopAsFacilitator, gotoHydrated, horizontalOverflow, seriousViolations, setPhase } from './fixtures';

/** Joins from a phone with a sector and the municipality the join form asks for. */
async function joinFrom(browser: import('@playwright/test').Browser, code: string, municipality: string, sector: string): Promise<Page> {
	const page = await (await browser.newContext(PHONE)).newPage();
	await gotoHydrated(page, `/j/${code}`);
	await page.getByLabel('Kommun eller organisation (frivilligt)').fill(municipality);
	await page.getByLabel(sector, { exact: true }).check();
	await page.getByRole('button', { name: 'Gå med' }).click();
	await page.waitForURL(new RegExp(`/w/${code}$`));
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'online');
	return page;
}

test('a 45-minute conference mini-workshop: groups from two municipalities, each choosing its own question, a system-map phase, the groups side by side on the projector', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const facilitator = await createWorkshopAsFacilitator(browser, 'Länskonferens i Stockholm');
	const f = facilitator.page;
	const id = new URL(f.url()).pathname.split('/')[2]!;

	// Förbered: the conference format, a system map after the question, and the municipality asked at joining.
	await f.getByRole('link', { name: 'Förbered', exact: true }).click();
	await f.getByLabel('Upplägg', { exact: true }).selectOption({ label: 'Miniworkshop på konferens (ca 45 minuter)' });
	await f.getByRole('button', { name: '+ Systemkarta' }).click();
	await expect(f.locator('form.agenda ol.items .name').nth(1)).toHaveText('Systemkarta');
	await f.getByRole('button', { name: '+ Reflektion' }).click();
	await f.getByRole('button', { name: 'Spara agendan' }).click();
	await expect(f.getByText('Sparat.')).toBeVisible();
	await f.getByTestId('ask-organisation').check();
	await expect(f.getByTestId('ask-organisation')).toBeChecked();

	// Seven people from two municipalities join from their phones.
	const botkyrka = [];
	for (const sector of ['Polis', 'Skola/förskola', 'Fritid/kultur', 'Socialtjänst', 'Civilsamhälle', 'Hälso- och sjukvård']) {
		botkyrka.push(await joinFrom(browser, facilitator.code, 'Botkyrka', sector));
	}
	const huddinge = await joinFrom(browser, facilitator.code, 'Huddinge', 'Skola/förskola');
	await expect(huddinge.getByTestId('connection')).toHaveAttribute('data-status', 'online');

	// "Dela in efter kommun": Botkyrka in two groups of three, Huddinge in one.
	await f.getByRole('link', { name: 'Tavla', exact: true }).click();
	await expect(f.getByTestId('sector-counts')).toContainText('7 deltagare');
	await f.getByTestId('split-by-organisation').click();
	const list = f.getByTestId('group-list');
	await expect(list.getByText('Botkyrka')).toHaveCount(2);
	await expect(list.getByText('Huddinge')).toHaveCount(1);

	// Each group chooses its own question from the fifteen themes, from a member's phone.
	const choices = [
		{ page: botkyrka[0]!, value: 'skolnarvaro:forebyggande' },
		{ page: huddinge, value: 'psykisk-halsa:framjande' }
	];
	for (const { page, value } of choices) {
		await expect(page.getByTestId('my-group-organisation')).toBeVisible();
		await page.getByTestId('group-question').selectOption(value);
	}
	// The other Botkyrka group: whoever of the remaining five is not in the first one.
	const firstGroup = (await botkyrka[0]!.getByTestId('my-group').textContent())!.split('·')[0]!.trim();
	let other: Page | null = null;
	for (const page of botkyrka.slice(1)) {
		if ((await page.getByTestId('my-group').textContent())!.split('·')[0]!.trim() !== firstGroup) other = page;
	}
	await other!.getByTestId('group-question').selectOption('brottslighet:framjande');
	await expect(huddinge.locator('.groups .question')).toHaveText('Hur kan vi främja välmående och resiliens hos unga?');
	await huddinge.screenshot({ path: test.info().outputPath('phone-390-group.png'), fullPage: true });
	expect(await horizontalOverflow(huddinge)).toBeLessThanOrEqual(0);
	expect(await seriousViolations(huddinge)).toEqual([]);

	// The projector shows the three groups side by side, each with its municipality and question.
	const projector = await facilitator.context.newPage();
	await projector.setViewportSize({ width: 1920, height: 1080 });
	await gotoHydrated(projector, `/f/${id}/projektor`);
	await setPhase(f, 'Samverkan');
	const canvases = projector.getByTestId('group-canvas');
	await expect(canvases).toHaveCount(3);
	await expect(canvases.filter({ hasText: 'Huddinge' }).getByTestId('group-canvas-question')).toHaveText(
		'Hur kan vi främja välmående och resiliens hos unga?'
	);
	await expect(projector.getByTestId('group-canvas-question')).toHaveCount(3);
	await projector.screenshot({ path: test.info().outputPath('projector-1920-groups.png') });

	// For a room without devices: one blank A3 canvas per group, each page A3 landscape.
	const [download] = await Promise.all([f.waitForEvent('download'), f.getByTestId('blank-canvas-pdf').click()]);
	const pdf = readFileSync((await download.path())!).toString('latin1');
	const sizes = [...pdf.matchAll(/\/Type\s*\/Page\b[\s\S]*?\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [
		Math.round(Number(m[1])),
		Math.round(Number(m[2]))
	]);
	expect(sizes).toEqual([
		[1191, 842],
		[1191, 842],
		[1191, 842]
	]);

	// The system map phase: every phone points to the map.
	await setPhase(f, 'Systemkarta');
	await expect(huddinge.getByTestId('map-phase')).toBeVisible();
	await expect(projector.getByTestId('spotlight-map')).toBeVisible();

	// The closing reflection: answered anonymously from the phones, a word cloud on the projector.
	await setPhase(f, 'Reflektion');
	for (const [page, text] of [
		[huddinge, 'Samverkan med skolan kring närvaron'],
		[botkyrka[0]!, 'Mer samverkan över förvaltningsgränserna'],
		[other!, 'Dela data om närvaron tidigt']
	] as const) {
		const question = page.getByTestId('question').first();
		await question.getByRole('textbox', { name: 'Ditt svar' }).fill(text);
		await question.getByRole('button', { name: /^(Skicka|Ändra) svar$/ }).click();
		await expect(question.getByTestId('answer-status')).toHaveText(/Sparat/);
	}
	const cloud = projector.getByTestId('word-cloud');
	await expect(cloud.getByRole('listitem').filter({ hasText: /^samverkan/ })).toHaveAttribute('data-count', '2');
	await expect(projector.getByTestId('respondents')).toHaveText('3 svar');
	await projector.screenshot({ path: test.info().outputPath('projector-1920-word-cloud.png') });
});
