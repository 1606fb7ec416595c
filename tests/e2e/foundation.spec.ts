import { expect, test } from '@playwright/test';
import { createWorkshopAsFacilitator, joinAsParticipant, setPhase } from './fixtures';

test('a facilitator creates a workshop, two participants join (one on a phone) and edits reach everyone', async ({ browser }) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Psykisk hälsa i Lidingö');
	await expect(facilitator.page.getByRole('heading', { level: 1 })).toHaveText('Psykisk hälsa i Lidingö');
	await expect(facilitator.page.locator('figure.qr svg')).toBeVisible();
	await expect(facilitator.page.getByTestId('join-url')).toHaveText(new RegExp(`/j/${facilitator.code}$`));

	const laptop = await joinAsParticipant(browser, facilitator.code, { name: 'Sara', sector: 'Socialtjänst' });
	const phone = await joinAsParticipant(browser, facilitator.code, { name: 'Ali', sector: 'Polis', phone: true });

	// Presence: the facilitator sees both, with their sectors.
	const presence = facilitator.page.getByTestId('presence-list');
	await expect(facilitator.page.getByTestId('presence-count')).toHaveText('(2)');
	await expect(presence).toContainText('Sara');
	await expect(presence).toContainText('Ali');
	await expect(presence).toContainText('Socialtjänst');
	await expect(presence).toContainText('Polis');

	// The facilitator opens the collaboration phase; every screen follows.
	await setPhase(facilitator.page, 'Samverkan');
	for (const page of [laptop.page, phone.page]) await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'samverkan');

	// An edit on the phone appears on the laptop and the facilitator screen.
	await phone.page.getByLabel('Nytt kort: Samverkan').fill('Andel unga som känner sig trygga i sitt område');
	await phone.page.getByRole('button', { name: 'Lägg till' }).click();
	for (const page of [laptop.page, facilitator.page]) {
		await expect(page.getByTestId('card').filter({ hasText: 'Andel unga som känner sig trygga' })).toBeVisible();
	}

	// The laptop participant writes at the same time as the facilitator; all converge.
	await laptop.page.getByLabel('Nytt kort: Samverkan').fill('Fältassistenterna');
	await facilitator.page.getByLabel('Nytt kort: Samverkan').fill('Skolsköterskorna');
	await Promise.all([
		laptop.page.getByRole('button', { name: 'Lägg till' }).click(),
		facilitator.page.getByRole('button', { name: 'Lägg till' }).click()
	]);
	for (const page of [laptop.page, phone.page, facilitator.page]) {
		await expect(page.getByTestId('card')).toHaveCount(3);
	}
	// Cards carry a sector tag, not a name.
	await expect(laptop.page.getByTestId('card').filter({ hasText: 'Andel unga' })).toContainText('Polis');
	await expect(laptop.page.getByTestId('card').filter({ hasText: 'Andel unga' })).not.toContainText('Ali');

	// No horizontal scrolling on the phone.
	const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);

	// A participant who leaves disappears from the presence list.
	await laptop.context.close();
	await expect(facilitator.page.getByTestId('presence-count')).toHaveText('(1)');
	await phone.context.close();
	await facilitator.context.close();
});

test('a participant who loses the network keeps editing and merges on reconnect', async ({ browser }) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Offline-prov');
	const phone = await joinAsParticipant(browser, facilitator.code, { name: '', sector: 'Skola/förskola', phone: true });
	await setPhase(facilitator.page, 'Samverkan');
	await expect(phone.page.getByTestId('phase')).toHaveAttribute('data-phase', 'samverkan');

	// What the phone sends when it reconnects: its handshake names the documents it has open.
	const sent: string[] = [];
	phone.page.on('websocket', (socket) => socket.on('framesent', ({ payload }) => sent.push(String(payload))));
	await phone.context.setOffline(true);
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-status', 'offline');
	await phone.page.getByLabel('Nytt kort: Samverkan').fill('Skrivet utan nät');
	await phone.page.getByRole('button', { name: 'Lägg till' }).click();
	await facilitator.page.getByLabel('Nytt kort: Samverkan').fill('Skrivet under tiden');
	await facilitator.page.getByRole('button', { name: 'Lägg till' }).click();
	await expect(phone.page.getByTestId('card').filter({ hasText: 'Skrivet utan nät' })).toBeVisible();

	await phone.context.setOffline(false);
	for (const page of [phone.page, facilitator.page]) {
		await expect(page.getByTestId('card').filter({ hasText: 'Skrivet utan nät' })).toBeVisible();
		await expect(page.getByTestId('card').filter({ hasText: 'Skrivet under tiden' })).toBeVisible();
	}
	// One round trip to catch up: the reconnect's handshake opened the board with the phone's
	// state vector (protocol 5), and no doc:open followed for it.
	const handshake = sent.find((frame) => frame.startsWith('40{'));
	expect(JSON.parse(handshake!.slice(2)).open).toEqual(expect.arrayContaining([expect.objectContaining({ doc: 'canvas:plenary' })]));
	expect(sent.filter((frame) => frame.includes('"doc:open","canvas:plenary"'))).toEqual([]);
	await phone.context.close();
	await facilitator.context.close();
});

test('a phone on a network that blocks WebSockets joins and works over HTTP long-polling', async ({ browser }) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Låst kommunnät');
	const phone = await joinAsParticipant(browser, facilitator.code, { name: '', sector: 'Polis', phone: true, blockWebSockets: true });
	const polls: string[] = [];
	phone.page.on('request', (request) => request.url().includes('transport=polling') && polls.push(request.url()));
	await setPhase(facilitator.page, 'Samverkan');
	await expect(phone.page.getByTestId('phase')).toHaveAttribute('data-phase', 'samverkan');
	await phone.page.getByLabel('Nytt kort: Samverkan').fill('Skrivet bakom brandväggen');
	await phone.page.getByRole('button', { name: 'Lägg till' }).click();
	await facilitator.page.getByLabel('Nytt kort: Samverkan').fill('Skrivet på öppet nät');
	await facilitator.page.getByRole('button', { name: 'Lägg till' }).click();
	for (const page of [phone.page, facilitator.page]) {
		await expect(page.getByTestId('card').filter({ hasText: 'Skrivet bakom brandväggen' })).toBeVisible();
		await expect(page.getByTestId('card').filter({ hasText: 'Skrivet på öppet nät' })).toBeVisible();
	}
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-status', 'online');
	expect(polls.length).toBeGreaterThan(0);
	await phone.context.close();
	await facilitator.context.close();
});

test('a card written offline after the board was locked is refused, and the phone carries on in step with everyone', async ({
	browser
}) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Låst tavla');
	const f = facilitator.page;
	const phone = await joinAsParticipant(browser, facilitator.code, { name: '', sector: 'Polis', phone: true });
	const p = phone.page;
	const add = async (page: typeof p, text: string) => {
		await page.getByLabel('Nytt kort: Samverkan').fill(text);
		await page.getByRole('button', { name: 'Lägg till' }).click();
	};
	await setPhase(f, 'Samverkan');
	await expect(p.getByTestId('phase')).toHaveAttribute('data-phase', 'samverkan');
	await add(p, 'Närpolisen i Skogås');
	await expect(f.getByTestId('card').filter({ hasText: 'Närpolisen i Skogås' })).toBeVisible();

	// Offline, the phone still thinks the board is open; meanwhile the facilitator locks it.
	await phone.context.setOffline(true);
	await expect(p.getByTestId('connection')).toHaveAttribute('data-status', 'offline');
	await add(p, 'Fältassistenterna, skrivet utan nät');
	await expect(p.getByTestId('card').filter({ hasText: 'Fältassistenterna' })).toBeVisible();
	await f.getByLabel('Lås tavlan').check();

	// Back online the server refuses that card; the phone drops it and shows the server's board.
	await phone.context.setOffline(false);
	await expect(p.getByRole('alert').filter({ hasText: 'Tavlan är låst av facilitatorn just nu.' })).toBeVisible();
	await expect(p.getByTestId('card').filter({ hasText: 'Fältassistenterna' })).toHaveCount(0);
	await expect(p.getByTestId('card').filter({ hasText: 'Närpolisen i Skogås' })).toBeVisible();
	await expect(f.getByTestId('card').filter({ hasText: 'Fältassistenterna' })).toHaveCount(0);

	// Unlocked again, the phone's next card reaches everyone: it is not stuck behind the refused one.
	await f.getByLabel('Lås tavlan').uncheck();
	await add(p, 'Fritidsgården Oasen');
	await expect(f.getByTestId('card').filter({ hasText: 'Fritidsgården Oasen' })).toBeVisible();
	await expect(p.getByTestId('connection')).toHaveAttribute('data-status', 'online');
	await phone.context.close();
	await facilitator.context.close();
});
