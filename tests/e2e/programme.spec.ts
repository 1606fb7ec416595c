import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { E2E_ORGANISER_PASSPHRASE } from '../../playwright.config';
import { gotoHydrated, horizontalOverflow, seriousViolations } from './fixtures';

const ORGANISER = { authorization: `Bearer ${E2E_ORGANISER_PASSPHRASE}` };

type Doc = Record<string, unknown> & {
	workshop: { title: string; createdAt: string };
	participants: { id: string; sector: string; joinedAt: string }[];
	canvases: { name: string; cards: Record<string, unknown>[] }[];
};

/**
 * A closed workshop with wishes nothing answered and a next step, made the way an
 * organiser could: an empty workshop's export, given cards and participants, imported
 * and closed.
 */
async function closedWorkshop(request: APIRequestContext, template: Doc, title: string, wishes: string[], sectors: string[]) {
	const document: Doc = structuredClone(template);
	document.workshop.title = title;
	document.participants = sectors.map((sector, index) => ({ id: `p${index + 1}`, sector, joinedAt: '2026-11-04T09:00:00.000Z' }));
	const card = (id: string, kind: string, text: string, extra: Record<string, unknown> = {}) => ({
		id,
		kind,
		text,
		authorId: 'facilitator',
		sector: 'facilitator',
		createdAt: `2026-11-04T09:${String(10 + Number(id.replace(/\D/g, ''))).padStart(2, '0')}:00.000Z`,
		...extra
	});
	document.canvases = [
		{
			name: 'canvas:plenary',
			cards: [
				...wishes.map((text, index) => card(`w${index + 1}`, 'onskvard', text)),
				card('n1', 'nasta-steg', `Boka möte om ${title}`, { nextStep: { owner: 'Socialtjänsten', due: '2027-01-15' } })
			]
		}
	];
	const imported = await request.post('/api/workshops/import', { headers: ORGANISER, data: document });
	expect(imported.status(), await imported.text()).toBe(201);
	const { id } = (await imported.json()) as { id: string };
	expect((await request.post(`/api/workshops/${id}/close`, { headers: ORGANISER, data: {} })).status()).toBe(200);
	return id;
}

async function signIn(page: Page) {
	await gotoHydrated(page, '/arkiv');
	await page.getByLabel('Lösenfras').fill(E2E_ORGANISER_PASSPHRASE);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Programmet', exact: true })).toBeVisible();
}

test('an organiser filters the programme, reads the shared gaps and downloads them as CSV', async ({ page, request }, testInfo) => {
	test.setTimeout(120_000);
	// An empty workshop's export is a valid document to start from.
	const created = await request.post('/api/workshops', { data: { title: 'Mall' } });
	const blank = (await created.json()) as { id: string; code: string; facilitatorSecret: string };
	const template = (await (
		await request.get(`/api/workshops/${blank.id}/export.json`, { headers: { authorization: `Bearer ${blank.facilitatorSecret}` } })
	).json()) as Doc;
	expect((await request.post(`/api/workshops/${blank.id}/delete`, { headers: ORGANISER, data: { confirm: blank.code } })).status()).toBe(
		200
	);

	await closedWorkshop(
		request,
		template,
		'Kommunbesök Nynäshamn',
		['Var unga vistas när de inte är i skolan', 'Trygghet i skolan'],
		['skola', 'polis']
	);
	await closedWorkshop(request, template, 'Kommunbesök Haninge', ['Var vistas unga när de inte är i skolan?'], ['socialtjanst']);

	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page);

	// The organiser records the municipality of one workshop…
	await page.getByLabel('Kommun för Kommunbesök Nynäshamn').fill('Nynäshamn');
	await page
		.getByTestId('programme-row')
		.filter({ hasText: 'Kommunbesök Nynäshamn' })
		.getByRole('button', { name: 'Spara kommun' })
		.click();
	await expect(page.getByText('Kommunen är sparad.')).toBeVisible();

	// …the shared gaps group the two wordings of the same wish…
	const firstGap = page.getByTestId('programme-gap').first();
	await expect(firstGap.getByRole('heading')).toHaveText('Var unga vistas när de inte är i skolan');
	await expect(firstGap.getByTestId('programme-gap-workshops')).toHaveText('2');

	// …and filters by it: one workshop, its participants by sector, its gaps only.
	await page.getByLabel('Kommun', { exact: true }).selectOption('Nynäshamn');
	await page.getByRole('button', { name: 'Filtrera', exact: true }).click();
	await expect(page).toHaveURL(/municipality=Nyn%C3%A4shamn/);
	await expect(page.getByTestId('programme-row')).toHaveCount(1);
	await expect(page.getByTestId('programme-total-participants')).toHaveText('2');
	await expect(page.getByTestId('programme-gap').first().getByTestId('programme-gap-workshops')).toHaveText('1');
	await expect(page.getByTestId('programme-step')).toHaveCount(1);

	// The CSV download carries the filter and opens in Swedish Excel.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('gaps-csv').click()]);
	expect(download.suggestedFilename()).toBe('datagap.csv');
	const csv = readFileSync((await download.path())!, 'utf8');
	expect(csv.startsWith('\uFEFFönskemål;varianter;antal workshoppar;')).toBe(true);
	expect(csv).toContain('Var unga vistas när de inte är i skolan;Var unga vistas när de inte är i skolan;1;');
	expect(csv.trimEnd().split('\r\n')).toHaveLength(3);

	// Clearing the filter shows every workshop again (the demo server may hold others too).
	await page.getByRole('link', { name: 'Rensa filter' }).click();
	await expect(page.getByTestId('programme-row').filter({ hasText: 'Kommunbesök' })).toHaveCount(2);

	for (const [width, height] of [
		[390, 844],
		[1280, 800]
	] as const) {
		await page.setViewportSize({ width, height });
		expect(await seriousViolations(page), `${width} px`).toEqual([]);
		expect(await horizontalOverflow(page), `${width} px`).toBeLessThanOrEqual(0);
	}
	for (const [width, height] of [
		[390, 844],
		[1280, 800],
		[1920, 1080]
	] as const) {
		await page.setViewportSize({ width, height });
		await page.screenshot({ path: testInfo.outputPath(`arkiv-${width}x${height}.png`), fullPage: true });
	}
});

test('the facilitator’s page says when a follow-up is due and offers the dates as a calendar file', async ({ page, request }) => {
	const created = await request.post('/api/workshops', { data: { title: 'Kommunbesök Tyresö' } });
	const workshop = (await created.json()) as { id: string; facilitatorUrl: string; facilitatorSecret: string };
	const closed = await request.post(`/api/workshops/${workshop.id}/close`, {
		headers: { authorization: `Bearer ${workshop.facilitatorSecret}` },
		data: { followUpDates: ['2026-03-01', '2099-03-01'] }
	});
	expect(closed.status()).toBe(200);

	await gotoHydrated(page, new URL(workshop.facilitatorUrl).pathname + new URL(workshop.facilitatorUrl).search);
	const notice = page.getByTestId('follow-up-notice');
	await expect(notice).toContainText('Dags för uppföljning av workshopen');
	await expect(notice.getByRole('link', { name: 'Starta uppföljningen i arkivet' })).toHaveAttribute('href', '/arkiv');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		notice.getByRole('link', { name: 'Lägg uppföljningarna i kalendern' }).click()
	]);
	const ics = readFileSync((await download.path())!, 'utf8');
	expect(ics).toContain('BEGIN:VCALENDAR');
	expect(ics).toContain('DTSTART;VALUE=DATE:20260301');
	expect(ics).toContain('DTSTART;VALUE=DATE:20990301');
	expect(ics).toContain('SUMMARY:Uppföljning: Kommunbesök Tyresö');
});

test('an organiser signs in through the municipality’s identity provider, filters the programme and downloads the gaps CSV', async ({
	page,
	request
}) => {
	test.setTimeout(120_000);
	const created = await request.post('/api/workshops', { data: { title: 'Mall' } });
	const blank = (await created.json()) as { id: string; code: string; facilitatorSecret: string };
	const template = (await (
		await request.get(`/api/workshops/${blank.id}/export.json`, { headers: { authorization: `Bearer ${blank.facilitatorSecret}` } })
	).json()) as Doc;
	expect((await request.post(`/api/workshops/${blank.id}/delete`, { headers: ORGANISER, data: { confirm: blank.code } })).status()).toBe(
		200
	);
	await closedWorkshop(
		request,
		template,
		'Dialog Botkyrka',
		['Psykisk ohälsa bland äldre per kommundel'],
		['halso-sjukvard', 'civilsamhalle']
	);
	await closedWorkshop(request, template, 'Dialog Salem', ['Psykisk ohälsa bland äldre per kommundel'], ['skola']);

	// The sign-in goes through the provider's own login and consent pages, and back.
	await gotoHydrated(page, '/arkiv');
	await page.getByRole('link', { name: 'Logga in med kommunens inloggning' }).click();
	await page.getByPlaceholder('Enter any login').fill('kim');
	await page.getByPlaceholder('and password').fill('vad som helst');
	await page.getByRole('button', { name: 'Sign-in' }).click();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page).toHaveURL(/\/arkiv$/);
	await expect(page.getByRole('heading', { level: 2, name: 'Programmet', exact: true })).toBeVisible();
	await expect(page.getByText('Inloggad som organisatör.')).toBeVisible();

	await page.getByLabel('Kommun för Dialog Botkyrka').fill('Botkyrka');
	await page.getByTestId('programme-row').filter({ hasText: 'Dialog Botkyrka' }).getByRole('button', { name: 'Spara kommun' }).click();
	await expect(page.getByText('Kommunen är sparad.')).toBeVisible();
	await page.getByLabel('Kommun', { exact: true }).selectOption('Botkyrka');
	await page.getByRole('button', { name: 'Filtrera', exact: true }).click();
	await expect(page).toHaveURL(/municipality=Botkyrka/);
	await expect(page.getByTestId('programme-row')).toHaveCount(1);
	await expect(page.getByTestId('programme-total-participants')).toHaveText('2');

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('gaps-csv').click()]);
	expect(download.suggestedFilename()).toBe('datagap.csv');
	const csv = readFileSync((await download.path())!, 'utf8');
	expect(csv.startsWith('\uFEFFönskemål;varianter;antal workshoppar;')).toBe(true);
	expect(csv).toContain('Psykisk ohälsa bland äldre per kommundel;Psykisk ohälsa bland äldre per kommundel;1;');
	expect(csv.trimEnd().split('\r\n')).toHaveLength(2);

	// Signing out ends the session: the programme is gone.
	await page.getByRole('button', { name: 'Logga ut' }).click();
	await expect(page.getByRole('link', { name: 'Logga in med kommunens inloggning' })).toBeVisible();
	expect((await page.request.get('/api/programme')).status()).toBe(401);
});
