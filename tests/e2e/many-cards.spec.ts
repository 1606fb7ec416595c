import { expect, test, type Page } from '@playwright/test';
// The plain-JS sync client of the load benchmark: a real socket.io + Yjs client for Node.
import { DatadialogClient } from '../../bench/load/datadialog-client.js';
import { createWorkshopAsFacilitator, joinAsParticipant, setPhase } from './fixtures';

const PER_PERSON = 200;
/** Fourteen other people fill the board to 2800 cards; the phone's person brings it to 3000. */
const OTHERS = 14;
const COLLABORATORS = [
	'Fältassistenterna',
	'Elevhälsan',
	'Fritidsgården',
	'Föreningslivet',
	'Närpolisen',
	'BUP',
	'Socialtjänstens öppenvård'
];

/** Writes `count` samverkan cards as one person, as commands straight over the socket. */
async function writeCards(baseURL: string, code: string, participant: string, authorId: string, count: number) {
	const client = new DatadialogClient({ url: baseURL, workshop: code, participant });
	try {
		await client.connected(10_000);
		client.open('canvas:plenary');
		await client.whenSynced('canvas:plenary', 10_000);
		for (let i = 0; i < count; i++) {
			const text = `${COLLABORATORS[i % COLLABORATORS.length]} (${i + 1})`;
			client.edit('canvas:plenary', { type: 'card.add', id: `${authorId}-${i}`, kind: 'samverkan', text });
		}
		await client.flushed(60_000);
	} finally {
		client.destroy();
	}
}

async function addCard(page: Page, text: string) {
	await page.getByLabel('Nytt kort: Samverkan').fill(text);
	await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
}

test('a phone shows a board of 3000 cards, and tells its person in Swedish when they reached the card cap', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const facilitator = await createWorkshopAsFacilitator(browser, 'Fritid i Botkyrka');
	await setPhase(facilitator.page, 'Samverkan');
	const phone = await joinAsParticipant(browser, facilitator.code, { name: 'Ali', sector: 'Polis', phone: true });

	for (let n = 0; n < OTHERS; n++) {
		const response = await fetch(`${baseURL}/api/workshops/${facilitator.code}/participants`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ displayName: '', sector: 'fritid' })
		});
		expect(response.status).toBe(201);
		const { participantId, session } = (await response.json()) as { participantId: string; session: string };
		await writeCards(baseURL!, facilitator.code, session, participantId, PER_PERSON);
	}
	// The phone's own person has written all but one of their cards elsewhere (another tab).
	const session = (await phone.context.cookies()).find((c) => c.name.startsWith('dd_p_'))!.value;
	await writeCards(baseURL!, facilitator.code, session, session.split('.')[0]!, PER_PERSON - 1);

	const cards = phone.page.getByTestId('card');
	await expect(cards).toHaveCount(OTHERS * PER_PERSON + PER_PERSON - 1, { timeout: 30_000 });

	// Their last card goes through; the next one is stopped on the phone with a clear message.
	await addCard(phone.page, 'Fältassistenterna i Fittja');
	await expect(cards.filter({ hasText: 'Fältassistenterna i Fittja' })).toHaveCount(1);
	await addCard(phone.page, 'Ett kort för mycket');
	await expect(phone.page.getByRole('alert').filter({ hasText: 'Du har redan 200 kort här' })).toBeVisible();
	await expect(cards.filter({ hasText: 'Ett kort för mycket' })).toHaveCount(0);

	// Everyone sees the full board: 3000 cards, none lost and none extra.
	await expect(facilitator.page.getByTestId('card')).toHaveCount(OTHERS * PER_PERSON + PER_PERSON, { timeout: 30_000 });
	await expect(facilitator.page.getByTestId('card').filter({ hasText: 'Fältassistenterna i Fittja' })).toHaveCount(1);
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-status', 'online');
});
