import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { createWorkshopAsFacilitator, gotoHydrated, horizontalOverflow, joinAsParticipant, openProjector, setPhase } from './fixtures';

/** Reflections and the evaluation: phones answer anonymously, the projector and the report show the room's answers. */

const SCREENS = 'test-results/screens';
mkdirSync(SCREENS, { recursive: true });

async function screens(page: Page, name: string) {
	for (const size of [
		{ width: 390, height: 844 },
		{ width: 1280, height: 800 },
		{ width: 1920, height: 1080 }
	]) {
		await page.setViewportSize(size);
		await page.waitForTimeout(300);
		expect(await horizontalOverflow(page), `${name} at ${size.width}px scrolls sideways`).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `${SCREENS}/${name}-${size.width}.png`, fullPage: size.width === 390 });
	}
}

async function answerOpen(phone: Page, text: string) {
	const question = phone.getByTestId('question').first();
	await question.getByRole('textbox', { name: 'Ditt svar' }).fill(text);
	await question.getByRole('button', { name: /^(Skicka|Ändra) svar$/ }).click();
	await expect(question.getByTestId('answer-status')).toHaveText(/Sparat/);
}

test('phones answer the closing reflection and the evaluation; the projector shows the word cloud and the report "N av M"', async ({
	browser
}) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Reflektion i Lidingö');
	const f = facilitator.page;
	const phones = [
		await joinAsParticipant(browser, facilitator.code, { name: 'Sara', sector: 'Socialtjänst', phone: true }),
		await joinAsParticipant(browser, facilitator.code, { name: 'Ali', sector: 'Polis', phone: true }),
		await joinAsParticipant(browser, facilitator.code, { name: 'Kim', sector: 'Skola/förskola', phone: true })
	].map((p) => p.page);
	const projector = await openProjector(browser, f);

	await setPhase(f, 'Reflektion');
	await expect(projector.page.getByTestId('response-results')).toBeVisible();
	await expect(phones[0]!.getByText('Dina svar är anonyma')).toBeVisible();
	await answerOpen(phones[0]!, 'Samverkan med skolan kring frånvaro');
	await answerOpen(phones[1]!, 'Mer samverkan och gemensam lägesbild');
	await answerOpen(phones[2]!, 'Data om frånvaro per skola');

	const cloud = projector.page.getByTestId('word-cloud');
	await expect(cloud.getByRole('listitem').filter({ hasText: /^samverkan/ })).toHaveAttribute('data-count', '2');
	await expect(projector.page.getByTestId('respondents')).toHaveText('3 svar');
	const bySector = projector.page.getByTestId('answers-by-sector');
	await expect(bySector).toContainText('Polis');
	await expect(bySector).toContainText('Mer samverkan och gemensam lägesbild');
	// Nobody's name reaches the room's screen.
	for (const name of ['Sara', 'Ali', 'Kim']) await expect(projector.page.getByTestId('response-results')).not.toContainText(name);
	await expect(f.getByTestId('answer-count')).toHaveText('3 svar');
	// The largest word is readable from the back of the room: at least 60 px high on a 1920×1080 screen.
	const largest = await cloud
		.getByRole('listitem')
		.evaluateAll((items) => Math.max(...items.map((i) => parseFloat(getComputedStyle(i).fontSize))));
	expect(largest).toBeGreaterThanOrEqual(60);

	// A phone changes its answer: still counted once.
	await answerOpen(phones[2]!, 'Data om frånvaro och samverkan');
	await expect(cloud.getByRole('listitem').filter({ hasText: /^samverkan/ })).toHaveAttribute('data-count', '3');
	await expect(projector.page.getByTestId('respondents')).toHaveText('3 svar');

	await screens(phones[0]!, 'reflection-phone');
	await screens(projector.page, 'reflection-projector');

	// The evaluation: 1–5 scales by keyboard on the phones.
	await setPhase(f, 'Utvärdering');
	for (const [index, phone] of phones.entries()) {
		const initiatives = phone.locator('[data-question="nya-initiativ"]');
		await initiatives.getByRole('radio', { name: index === 2 ? '2' : '5' }).check();
		await initiatives.getByRole('button', { name: 'Skicka svar' }).click();
		await expect(initiatives.getByTestId('answer-status')).toHaveText(/Sparat/);
	}
	await screens(phones[1]!, 'evaluation-phone');
	await expect(projector.page.locator('[data-question="nya-initiativ"]').getByTestId('respondents')).toHaveText('3 svar');
	await screens(projector.page, 'evaluation-projector');

	await gotoHydrated(f, `${new URL(f.url()).pathname}/rapport`);
	await expect(f.locator('.dd-report')).toContainText('2 av 3 planerar nya initiativ');
	await expect(f.locator('.dd-report')).toContainText('Samverkan med skolan kring frånvaro');
	await f.screenshot({ path: `${SCREENS}/report-responses.png`, fullPage: true });
});

test('the facilitator turns the closing reflection into a quick poll while preparing; a phone answers it by keyboard and the projector shows bars', async ({
	browser
}) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Snabbfråga i Nynäshamn');
	const f = facilitator.page;
	const path = new URL(f.url()).pathname;
	await gotoHydrated(f, `${path}/forbered`);
	const editor = f.getByTestId('question-editor');
	await editor.getByLabel('Fas').selectOption('reflektion');
	await editor.getByLabel('Fråga', { exact: true }).fill('Hur var tempot idag?');
	await editor.getByLabel('Typ').selectOption('choice');
	await editor.getByLabel('Alternativ (ett per rad)').fill('För långsamt\nLagom\nFör snabbt');
	await editor.getByRole('button', { name: 'Spara frågorna' }).click();
	await expect(editor.getByRole('status')).toHaveText('Frågorna är sparade.');

	const phone = (await joinAsParticipant(browser, facilitator.code, { name: 'Ali', sector: 'Polis', phone: true })).page;
	await gotoHydrated(f, path);
	const projector = await openProjector(browser, f);
	await setPhase(f, 'Reflektion');
	const poll = phone.getByTestId('question');
	await expect(poll).toContainText('Hur var tempot idag?');
	await poll.getByRole('radio', { name: 'Lagom' }).focus();
	await phone.keyboard.press('Space');
	await poll.getByRole('button', { name: 'Skicka svar' }).press('Enter');
	await expect(poll.getByTestId('answer-status')).toHaveText(/Sparat/);
	const bars = projector.page.getByTestId('answer-bars');
	await expect(bars.getByRole('listitem').filter({ hasText: 'Lagom' })).toContainText('1 svar');
	await expect(bars.getByRole('listitem').filter({ hasText: 'För snabbt' })).toContainText('0 svar');
	await projector.page.screenshot({ path: `${SCREENS}/poll-projector-1920.png` });
});
