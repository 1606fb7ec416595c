import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
	PHONE,
	createWorkshopAsFacilitator,
	gotoHydrated,
	horizontalOverflow,
	openPicker,
	openProjector,
	seriousViolations,
	setPhase
} from './fixtures';

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

test('thirty groups: the cockpit and the projector open no group canvas they do not show, the projector lists the groups with their cards, and any group’s card can be spotlighted', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const facilitator = await createWorkshopAsFacilitator(browser, 'Länskonferens, trettio grupper');
	const f = facilitator.page;
	const errors: string[] = [];
	f.on('pageerror', (error) => errors.push(error.message));
	// The group canvases the cockpit holds open on its connection (a connection may hold 200; a conference has 200 groups).
	const held = new Set<string>();
	let mostHeld = 0;
	f.on('websocket', (socket) =>
		socket.on('framesent', ({ payload }) => {
			const frame = typeof payload === 'string' ? payload : payload.toString();
			// socket.io's CONNECT: a new connection holds what its handshake names.
			const handshake = /^40(\{.*\})$/.exec(frame);
			if (handshake) {
				const { open = [] } = JSON.parse(handshake[1]!) as { open?: { doc: string }[] };
				held.clear();
				for (const { doc } of open) if (doc.startsWith('canvas:grupp-')) held.add(doc);
				mostHeld = Math.max(mostHeld, held.size);
			}
			const message = /"doc:(open|close)","(canvas:grupp-[^"]+)"/.exec(frame);
			if (!message) return;
			if (message[1] === 'open') held.add(message[2]!);
			else held.delete(message[2]!);
			mostHeld = Math.max(mostHeld, held.size);
		})
	);
	await f.reload();
	await f.waitForSelector('body[data-hydrated="true"]');
	const projector = await openProjector(browser, f);
	const p = projector.page;

	await setPhase(f, 'Samverkan');
	await f.getByLabel('Antal grupper').fill('30');
	await f.getByRole('button', { name: 'Låt deltagarna välja grupp' }).click();
	// Thirty groups fold away behind a summary in the cockpit.
	const details = f.getByTestId('group-details').locator('summary');
	await expect(details).toHaveText('Visa alla 30 grupper · kort: 0 · grupper som har skrivit: 0');
	await details.click();
	await expect(f.getByTestId('group-list').getByRole('listitem')).toHaveCount(30);

	// Too many to show side by side: the projector lists the groups and what each has written.
	await expect(p.getByTestId('group-tile')).toHaveCount(30);
	await expect(p.getByTestId('group-canvas')).toHaveCount(0);
	await expect(p.getByTestId('group-overview').getByRole('heading')).toHaveText('Gruppernas tavlor 30 grupper arbetar · 0 kort');

	// The facilitator writes on group 27's canvas, as for a group that works on paper.
	await f.getByLabel('Visa duk:').selectOption({ label: 'Grupp 27' });
	await f.getByLabel('Nytt kort: Samverkan').fill('Skolkuratorerna i Botkyrka');
	await f.getByRole('button', { name: 'Lägg till', exact: true }).click();
	await expect(f.getByTestId('card').filter({ hasText: 'Skolkuratorerna i Botkyrka' })).toHaveCount(1);
	const groupLine = (page: Page, name: string) =>
		page
			.getByTestId('group-list')
			.getByRole('listitem')
			.filter({ hasText: new RegExp(`^${name} `) });
	await expect(groupLine(f, 'Grupp 27').getByTestId('group-cards')).toHaveText('· kort: 1');
	await expect(groupLine(f, 'Grupp 26').getByTestId('group-cards')).toHaveText('· kort: 0');
	await expect(details).toHaveText('Visa alla 30 grupper · kort: 1 · grupper som har skrivit: 1');
	const tile27 = p.getByTestId('group-tile').filter({ hasText: /^Grupp 27/ });
	await expect(tile27).toContainText('1 kort');
	await expect(p.getByTestId('group-overview').getByRole('heading')).toHaveText('Gruppernas tavlor 30 grupper arbetar · 1 kort');

	// Any group's card can go on the projector: picked from that group's canvas.
	await openPicker(f);
	await f.getByTestId('spotlight-kind').selectOption({ label: 'Kort' });
	await f.getByTestId('spotlight-canvas').selectOption({ label: 'Grupp 27' });
	await f.getByTestId('spotlight-id').selectOption({ label: 'Skolkuratorerna i Botkyrka' });
	await f.getByTestId('spotlight-show').click();
	await expect(p.getByTestId('spotlight-card')).toContainText('Skolkuratorerna i Botkyrka');
	await expect(p.getByTestId('spotlight-card')).toContainText('Grupp 27');
	await expect(f.getByTestId('spotlight-status')).toHaveText('Projektorn visar: Kort: Skolkuratorerna i Botkyrka');
	await p.screenshot({ path: test.info().outputPath('projector-1920-spotlight-card.png') });
	await f.getByTestId('spotlight-board').click();
	await expect(p.getByTestId('group-tile')).toHaveCount(30);
	await p.screenshot({ path: test.info().outputPath('projector-1920-thirty-groups.png') });
	await p.setViewportSize({ width: 1280, height: 720 });
	await p.screenshot({ path: test.info().outputPath('projector-1280-thirty-groups.png') });

	// Back to the plenary view in the cockpit: the group canvas it showed is given back.
	await f.getByLabel('Visa duk:').selectOption({ label: 'Helgrupp' });
	await expect.poll(() => held.size).toBe(1); // Group 27's, for the spotlight picker.
	expect(mostHeld).toBeLessThanOrEqual(2);
	await expect(f.getByText('För många ändringar')).toHaveCount(0);
	await f.setViewportSize({ width: 390, height: 844 });
	expect(await horizontalOverflow(f)).toBeLessThanOrEqual(0);
	await f.screenshot({ path: test.info().outputPath('cockpit-390-thirty-groups.png'), fullPage: true });
	expect(await seriousViolations(p), 'projector').toEqual([]);
	expect(errors).toEqual([]);
	await projector.context.close();
	await facilitator.context.close();
});
