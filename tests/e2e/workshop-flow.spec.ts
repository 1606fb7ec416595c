import { expect, test, type Page } from '@playwright/test';
import { createWorkshopAsFacilitator, joinAsParticipant, setPhase } from './fixtures';

const QUESTION = 'Hur kan vi förebygga skolfrånvaro och avhopp?';

async function addCard(page: Page, column: string, text: string) {
	await page.getByLabel(`Nytt kort: ${column}`).fill(text);
	await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
}

test('a whole workshop: a facilitator and three participants (one on a phone) from question to summary', async ({ browser }) => {
	test.setTimeout(150_000);
	const facilitator = await createWorkshopAsFacilitator(browser, 'Skolnärvaro i Nynäshamn');
	const f = facilitator.page;

	// Preparation, in its own view: goal, theme and the prevention question.
	await f.getByRole('link', { name: 'Förbered', exact: true }).click();
	await f.getByLabel('Mål för samtalet').selectOption({ label: 'Att enas om en gemensam lägesbild' });
	await f.getByLabel('Tema').selectOption({ label: 'Skolnärvaro' });
	await expect(f.getByTestId('theme-suggestions')).toContainText('Bra att bjuda in');
	await f.getByRole('radio', { name: /Förebyggande/ }).check();
	await f.getByLabel('Antal deltagare (ungefär)').fill('12');
	await expect(f.getByText('Håll första samtalet under 10 personer')).toBeVisible();
	await f.getByRole('button', { name: 'Spara förberedelsen' }).click();
	await expect(f.getByText('Sparat.')).toBeVisible();
	await f.getByRole('link', { name: 'Tavla', exact: true }).click();
	await expect(f.getByTestId('question')).toHaveText(QUESTION);

	const people = [
		await joinAsParticipant(browser, facilitator.code, { name: 'Sara', sector: 'Socialtjänst' }),
		await joinAsParticipant(browser, facilitator.code, { name: 'Ali', sector: 'Polis', phone: true }),
		await joinAsParticipant(browser, facilitator.code, { name: 'Kim', sector: 'Skola/förskola' })
	];
	const [sara, ali, kim] = people.map((p) => p.page) as [Page, Page, Page];
	for (const page of [sara, ali, kim]) await expect(page.getByTestId('question')).toHaveText(QUESTION);
	await expect(f.getByTestId('presence-count')).toHaveText('(3)');

	// Samverkan: who else could we work with?
	await setPhase(f, 'Samverkan');
	await addCard(ali, 'Samverkan', 'Fältassistenterna');
	await addCard(kim, 'Samverkan', 'Elevhälsan');
	await expect(f.getByTestId('card').filter({ hasText: 'Fältassistenterna' })).toBeVisible();
	await expect(f.getByTestId('card').filter({ hasText: 'Elevhälsan' })).toBeVisible();

	// Önskvärd: written privately first, shown to everyone when the facilitator reveals.
	await setPhase(f, 'Önskvärd');
	await addCard(sara, 'Önskvärd data', 'Frånvaro per skola och årskurs');
	await addCard(ali, 'Önskvärd data', 'Var unga vistas när de inte är i skolan');
	await addCard(kim, 'Önskvärd data', 'Hur elever upplever trygghet i skolan');
	await expect(f.getByTestId('waiting')).toHaveText('3 privata kort väntar');
	await expect(sara.getByTestId('card').filter({ hasText: 'Frånvaro per skola' })).toContainText('Privat');
	await expect(kim.getByTestId('card').filter({ hasText: 'Frånvaro per skola' })).toHaveCount(0);
	await f.getByTestId('reveal').click();
	for (const page of [sara, ali, kim, f]) {
		await expect(page.getByTestId('card').filter({ hasText: 'Frånvaro per skola' })).toBeVisible();
		await expect(page.getByTestId('card').filter({ hasText: 'trygghet i skolan' })).toBeVisible();
	}

	// Prioritera: three dots each; tallies stay hidden until the facilitator closes the vote.
	await setPhase(f, 'Prioritera');
	await f.getByTestId('open-vote').click();
	const dot = (page: Page, text: string) =>
		page
			.getByTestId('ballot-card')
			.filter({ hasText: text })
			.getByRole('button', { name: /Lägg en prick/ })
			.click();
	for (const page of [sara, ali, kim]) {
		await expect(page.getByTestId('dots-left')).toHaveText('3 prickar kvar');
		await dot(page, 'Frånvaro per skola');
		await expect(page.getByTestId('dots-left')).toHaveText('2 prickar kvar');
		await dot(page, 'Frånvaro per skola');
		await expect(page.getByTestId('dots-left')).toHaveText('1 prick kvar');
		await dot(page, 'trygghet i skolan');
		await expect(page.getByTestId('dots-left')).toHaveText('0 prickar kvar');
	}
	await expect(f.getByTestId('vote-progress')).toHaveText('9 prickar från 3 personer hittills');
	await expect(sara.getByTestId('ranking')).toHaveCount(0);
	await f.getByTestId('close-vote').click();
	for (const page of [sara, ali, kim]) {
		await expect(page.getByTestId('ranking').locator('li').first()).toContainText('Frånvaro per skola');
		await expect(page.getByTestId('ranking').locator('li').first()).toContainText('6 prickar');
	}

	// Tillgänglig: available data linked to a wish; the rest are gaps, one gets a proposed owner.
	await setPhase(f, 'Tillgänglig');
	await kim.getByLabel('Vilken data finns?').fill('Frånvarostatistik per skola');
	await kim.getByRole('checkbox', { name: 'Frånvaro per skola och årskurs' }).check();
	await kim.getByLabel('Källa eller dataägare').fill('Skolverket');
	await kim.getByRole('button', { name: /^Skolverket/ }).click();
	await kim.getByRole('button', { name: 'Lägg till tillgänglig data' }).click();
	await expect(f.getByTestId('card').filter({ hasText: 'Frånvarostatistik per skola' })).toContainText('Skolverket');
	const gaps = f.getByTestId('gap');
	await expect(gaps).toHaveCount(2);
	await expect(f.getByTestId('gap-list')).not.toContainText('Frånvaro per skola och årskurs');
	await ali.getByLabel('Vem kan ta fram detta?').first().fill('Fältgruppen');
	await ali.getByRole('button', { name: 'Föreslå' }).first().click();
	await expect(f.getByTestId('gap-list')).toContainText('Fältgruppen');

	// Nästa steg: an action with an owner and a date.
	await setPhase(f, 'Nästa steg');
	await sara.getByText('Boka ett möte – med vilka?').click();
	await sara.getByLabel('Vad ska göras?').fill('Möte med rektorerna om frånvarodata');
	await sara.getByLabel('Vem ansvarar?').fill('Sara, socialtjänsten');
	await sara.getByLabel('Till när?').fill('2027-01-15');
	await sara.getByRole('button', { name: 'Lägg till nästa steg' }).click();
	await expect(f.getByTestId('card').filter({ hasText: 'Möte med rektorerna' })).toContainText('Sara, socialtjänsten');

	// Sammanfattning: everyone reaches the summary with everything there.
	await setPhase(f, 'Sammanfattning');
	for (const page of [sara, ali, kim]) {
		await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'sammanfattning');
		await expect(page.getByTestId('card').filter({ hasText: 'Möte med rektorerna' })).toBeVisible();
		await expect(page.getByTestId('ranking')).toBeVisible();
	}
	// The summary is read-only for participants.
	await expect(kim.getByLabel(/Nytt kort/)).toHaveCount(0);

	for (const p of people) await p.context.close();
	await facilitator.context.close();
});

test('a participant can mark themselves ready and the facilitator sees the count', async ({ browser }) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Klar-räkning');
	const one = await joinAsParticipant(browser, facilitator.code, { name: 'A', sector: 'Annat' });
	const two = await joinAsParticipant(browser, facilitator.code, { name: 'B', sector: 'Polis', phone: true });
	await expect(facilitator.page.getByTestId('ready-count')).toHaveText('0 av 2 klara');
	await one.page.getByTestId('ready').click();
	await expect(facilitator.page.getByTestId('ready-count')).toHaveText('1 av 2 klara');
	await expect(one.page.getByTestId('ready')).toHaveAttribute('aria-pressed', 'true');
	await setPhase(facilitator.page, 'Samverkan');
	await expect(facilitator.page.getByTestId('ready-count')).toHaveText('0 av 2 klara');
	await two.context.close();
	await one.context.close();
	await facilitator.context.close();
});

test('group work: people pick a group, write on its canvas, the facilitator follows every group, the projector shows them side by side, and merging brings it all to the plenary', async ({
	browser
}) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Grupparbete');
	const f = facilitator.page;
	const sara = (await joinAsParticipant(browser, facilitator.code, { name: 'Sara', sector: 'Socialtjänst' })).page;
	const ali = (await joinAsParticipant(browser, facilitator.code, { name: 'Ali', sector: 'Polis', phone: true })).page;
	await setPhase(f, 'Samverkan');

	await f.getByLabel('Antal grupper').fill('2');
	await f.getByRole('button', { name: 'Låt deltagarna välja grupp' }).click();
	await sara.getByRole('button', { name: /^Grupp 1 / }).click();
	await ali.getByRole('button', { name: /^Grupp 2 / }).click();
	await expect(sara.getByTestId('my-group')).toContainText('Grupp 1');
	await expect(ali.getByTestId('my-group')).toContainText('Grupp 2');

	await addCard(sara, 'Samverkan', 'Familjecentralen');
	await addCard(ali, 'Samverkan', 'Nattvandrarna');
	await addCard(ali, 'Samverkan', 'Fältassistenterna');
	// Each group writes on its own canvas: the other group does not see it.
	await expect(sara.getByTestId('card').filter({ hasText: 'Familjecentralen' })).toBeVisible();
	await expect(ali.getByTestId('card').filter({ hasText: 'Fältassistenterna' })).toBeVisible();
	await expect(sara.getByTestId('card').filter({ hasText: 'Nattvandrarna' })).toHaveCount(0);

	// The facilitator sees how far each group has come, and can look at one group's canvas.
	const groups = f.getByTestId('group-list').getByRole('listitem');
	await expect(groups.filter({ hasText: 'Grupp 1' }).getByTestId('group-cards')).toHaveText('· kort: 1');
	await expect(groups.filter({ hasText: 'Grupp 2' }).getByTestId('group-cards')).toHaveText('· kort: 2');
	await f.getByLabel('Visa duk:').selectOption({ label: 'Grupp 2' });
	await expect(f.getByTestId('card').filter({ hasText: 'Nattvandrarna' })).toBeVisible();

	// The projector shows both groups side by side.
	const projector = await facilitator.context.newPage();
	await projector.goto(`${new URL(f.url()).pathname}/projektor`);
	await expect(projector.getByRole('region', { name: 'Grupp 1' })).toContainText('Familjecentralen');
	await expect(projector.getByRole('region', { name: 'Grupp 2' })).toContainText('Fältassistenterna');

	// Back together: every group's cards on the plenary canvas, for everyone.
	await f.getByRole('button', { name: 'Slå ihop gruppernas dukar i helgrupp' }).click();
	await expect(sara.getByTestId('card').filter({ hasText: 'Nattvandrarna' })).toBeVisible();
	await expect(sara.getByRole('status').filter({ hasText: 'Samtalsledaren har samlat alla i helgrupp.' })).toBeVisible();
	await f.getByLabel('Visa duk:').selectOption({ label: 'Helgrupp' });
	for (const text of ['Familjecentralen', 'Nattvandrarna', 'Fältassistenterna']) {
		await expect(f.getByTestId('card').filter({ hasText: text })).toBeVisible();
	}
	await facilitator.context.close();
});
