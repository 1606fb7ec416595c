import { expect, test, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createWorkshopAsFacilitator, gotoHydrated, horizontalOverflow, joinAsParticipant, seriousViolations } from './fixtures';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/indicators/${name}`, import.meta.url));

test('a facilitator imports a CSV through the mapping step, a phone pins a reading, and it shows on the facilitator screen', async ({
	browser
}) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Data om Södermalm');
	const dataPath = `${new URL(facilitator.page.url()).pathname}/data`;
	await gotoHydrated(facilitator.page, dataPath);
	const page = facilitator.page;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data');
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'online');

	// Upload: the mapping step previews the file and saves nothing until asked.
	await page.getByText('Ladda upp fil (CSV, XLSX, JSON-stat, PxWeb, Kolada)').click();
	await page.getByLabel('Fil', { exact: true }).setInputFiles(fixture('seed003-stadsdelsfakta.csv'));
	const mapping = page.getByTestId('mapping-step');
	await expect(mapping.getByRole('table')).toContainText('Behörighet till gymnasieskolan');
	await expect(mapping.getByRole('table')).toContainText('87,4');
	await expect(page.getByTestId('mapping-gaps')).toHaveText('Välj först: Period');
	await expect(page.getByTestId('indicator-panel')).toHaveCount(0);
	await mapping.getByLabel('Samma för hela filen').check();
	await mapping.getByLabel('Period för hela filen').fill('ej angivet');
	await mapping.getByLabel('Källhänvisning').fill('Källa: Stockholms stad, stadsdelsförvaltningarnas presentation 2026');
	await page.getByRole('button', { name: 'Förhandsgranska med valen' }).click();
	await expect(page.getByTestId('import-summary')).toContainText('Behörighet till gymnasieskolan: 2 serier, 2 värden, varav 0 saknas');
	await expect(page.getByTestId('indicator-panel')).toHaveCount(0);
	await page.getByRole('button', { name: 'Spara i workshopen' }).click();
	await expect(page.getByTestId('import-saved')).toContainText('Sparat i workshopen');

	// The chart: areas compared, source always visible, and the same figures as a table.
	const panel = page.getByTestId('indicator-panel');
	await page.getByTestId('indicator-item').filter({ hasText: 'Behörighet till gymnasieskolan' }).click();
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Behörighet till gymnasieskolan');
	await expect(panel.getByTestId('bar-chart')).toContainText('Södermalm');
	await expect(panel.getByTestId('bar-chart')).toContainText('93,5');
	await expect(panel.getByTestId('chart-source')).toHaveText(/Enhet: procent.*Källa: Stockholms stad/);
	await expect(panel.getByTestId('data-table')).toContainText('Enskede-Årsta-Vantör');
	await expect(panel.getByTestId('indicator-card')).toContainText('Risk för feltolkning');

	// A Kolada response with a gap: drawn as a gap, listed as missing, never as 0.
	await page.getByLabel('Fil', { exact: true }).setInputFiles(fixture('kolada-v3-n15008-kungsbacka-riket.json'));
	await expect(page.getByTestId('import-summary')).toContainText('N15008: 2 serier, 10 värden, varav 1 saknas');
	await page.getByRole('button', { name: 'Spara i workshopen' }).click();
	await expect(page.getByTestId('import-saved')).toContainText('N15008');
	await page.getByTestId('indicator-item').filter({ hasText: 'N15008' }).click();
	await expect(panel.getByTestId('time-series-chart')).toBeVisible();
	await expect(panel.getByTestId('missing-mark')).toHaveCount(1);
	await expect(panel.getByTestId('data-table').getByRole('row').filter({ hasText: 'Riket' }).filter({ hasText: '2012' })).toContainText(
		'– (saknas)'
	);
	await expect(panel.getByTestId('chart-source')).toHaveText('Källa: Kolada (RKA), CC BY 4.0');

	// A participant on a phone pins a reading to one value.
	const phone = await joinAsParticipant(browser, facilitator.code, { name: 'Ali', sector: 'Polis', phone: true });
	await gotoHydrated(phone.page, `/w/${facilitator.code}/data`);
	await phone.page.getByTestId('indicator-item').filter({ hasText: 'Behörighet till gymnasieskolan' }).click();
	const phonePanel = phone.page.getByTestId('indicator-panel');
	await expect(phonePanel.getByRole('heading', { level: 2 })).toHaveText('Behörighet till gymnasieskolan');
	await phonePanel.getByLabel('Din läsning').fill('Vi möter många unga från skolor där behörigheten är lägre.');
	await phonePanel.getByLabel('Ett värde i diagrammet').check();
	await phonePanel.getByLabel('Värde', { exact: true }).selectOption({ label: 'Södermalm · ej angivet: 93,5' });
	await phonePanel.getByRole('button', { name: 'Fäst läsningen' }).click();
	await expect(phonePanel.getByTestId('reading')).toContainText('Vi möter många unga');
	expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);

	// The facilitator screen shows it live, under the sector, pinned to Södermalm.
	await page.getByTestId('indicator-item').filter({ hasText: 'Behörighet till gymnasieskolan' }).click();
	const column = panel.getByTestId('sector-column').filter({ hasText: 'Polis' });
	await expect(column).toContainText('Vi möter många unga från skolor där behörigheten är lägre.');
	await expect(column).toContainText('Södermalm · ej angivet');
	await expect(column).not.toContainText('Ali');
	await expect(panel.getByTestId('bar-chart').getByTestId('reading-pin')).toHaveText('1');

	await phone.context.close();
	await facilitator.context.close();
});

test('the data pages have no serious or critical axe violations and no horizontal overflow at 360 and 1280 px', async ({ browser }) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Tillgänglig data');
	const dataPath = `${new URL(facilitator.page.url()).pathname}/data`;
	await gotoHydrated(facilitator.page, dataPath);
	await facilitator.page.getByText('Ladda upp fil (CSV, XLSX, JSON-stat, PxWeb, Kolada)').click();
	await facilitator.page.getByLabel('Fil', { exact: true }).setInputFiles(fixture('kolada-v3-n15008-kungsbacka-riket.json'));
	await facilitator.page.getByRole('button', { name: 'Spara i workshopen' }).click();
	await expect(facilitator.page.getByTestId('time-series-chart')).toBeVisible();
	const participant = await joinAsParticipant(browser, facilitator.code, { name: 'Robin', sector: 'Fritid/kultur', phone: true });

	const routes: [string, Page, string][] = [
		['participant data', participant.page, `/w/${facilitator.code}/data`],
		['facilitator data', facilitator.page, dataPath]
	];
	for (const [name, page, path] of routes) {
		for (const width of [360, 1280]) {
			await page.setViewportSize({ width, height: 900 });
			await gotoHydrated(page, path);
			await expect(page.getByTestId('time-series-chart')).toBeVisible();
			// Unfold everything a user can open, so hidden parts are checked too.
			const folded = page.locator('details:not([open]) > summary');
			while ((await folded.count()) > 0) await folded.first().click();
			expect(await seriousViolations(page), `${name} at ${width}px`).toEqual([]);
			expect(await horizontalOverflow(page), `${name} overflows at ${width}px`).toBeLessThanOrEqual(0);
			await page.screenshot({ path: test.info().outputPath(`${name.replace(/\s/g, '-')}-${width}.png`), fullPage: true });
		}
	}
	await participant.context.close();
	await facilitator.context.close();
});

test('a workbook that opens with notes: the figures sheet is shown first, the facilitator can switch sheets and saves the chosen one', async ({
	browser
}) => {
	const facilitator = await createWorkshopAsFacilitator(browser, 'Arbetsbok med flera blad');
	const page = facilitator.page;
	await page.setViewportSize({ width: 390, height: 844 });
	await gotoHydrated(page, `${new URL(page.url()).pathname}/data`);
	await page.getByText('Ladda upp fil (CSV, XLSX, JSON-stat, PxWeb, Kolada)').click();
	await page.getByLabel('Fil', { exact: true }).setInputFiles(fixture('seed003-stadsdelsfakta-two-sheets.xlsx'));

	const sheet = page.getByLabel('Blad', { exact: true });
	const mapping = page.getByTestId('mapping-step');
	await expect(sheet).toHaveValue('2');
	await expect(sheet.getByRole('option')).toHaveText(['Om tabellen', 'Stadsdelsfakta']);
	await expect(mapping.getByRole('table')).toContainText('Behörighet till gymnasieskolan');

	// The notes sheet holds no figures: its text shows, and the mapping starts over.
	await sheet.selectOption({ label: 'Om tabellen' });
	await expect(mapping.getByRole('table')).toContainText('Siffrorna finns på bladet Stadsdelsfakta.');
	await expect(sheet).toHaveValue('1');
	expect(await seriousViolations(page)).toEqual([]);
	expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

	await sheet.selectOption({ label: 'Stadsdelsfakta' });
	await expect(mapping.getByRole('table')).toContainText('Behörighet till gymnasieskolan');
	await mapping.getByLabel('Samma för hela filen').check();
	await mapping.getByLabel('Period för hela filen').fill('ej angivet');
	await page.getByRole('button', { name: 'Förhandsgranska med valen' }).click();
	await expect(page.getByTestId('import-summary')).toContainText('Behörighet till gymnasieskolan: 2 serier, 2 värden, varav 0 saknas');
	await page.getByRole('button', { name: 'Spara i workshopen' }).click();
	await expect(page.getByTestId('import-saved')).toContainText('Sparat i workshopen');
	await expect(page.getByTestId('indicator-item').filter({ hasText: 'Behörighet till gymnasieskolan' })).toHaveCount(1);
	await facilitator.context.close();
});

test('a facilitator chooses values in a PxWeb v1 table instead of pasting a query, and the figures are saved', async ({ browser }) => {
	// Recorded SCB API v1 responses (tests/fixtures/indicators/SOURCES.md), on the port playwright.config.ts allows.
	const port = Number(process.env.E2E_PORT ?? 4173) + 1;
	const table = '/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy';
	const posted: unknown[] = [];
	const upstream = createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		if (req.url !== table) return void res.writeHead(404).end();
		if (req.method === 'POST') posted.push(JSON.parse(Buffer.concat(chunks).toString()));
		res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
		res.end(readFileSync(fixture(req.method === 'POST' ? 'scb-v1-befolkningny-region-kon.json' : 'scb-v1-befolkningny-metadata.json')));
	});
	await new Promise<void>((resolve) => upstream.listen(port, '127.0.0.1', resolve));
	try {
		const facilitator = await createWorkshopAsFacilitator(browser, 'Folkmängd i Stockholms län');
		const page = facilitator.page;
		await gotoHydrated(page, `${new URL(page.url()).pathname}/data`);
		await page.getByText('Hämta från PxWeb (SCB, Folkhälsodata)').click();
		await page.getByLabel('Adress till tabellen').fill(`http://127.0.0.1:${port}${table}`);
		await page.getByRole('button', { name: 'Välj värden i tabellen' }).click();

		const variables = page.getByTestId('pxweb-variables');
		await expect(variables.locator('legend')).toHaveText('Folkmängden efter region, civilstånd, ålder, kön, tabellinnehåll och år');
		await expect(variables.getByLabel(/^år/)).toHaveValues([
			'2015',
			'2016',
			'2017',
			'2018',
			'2019',
			'2020',
			'2021',
			'2022',
			'2023',
			'2024'
		]);
		await variables.getByLabel(/^region/).selectOption([{ label: 'Täby' }, { label: 'Danderyd' }]);
		// Contents cannot be summed away: with nothing chosen the form says so and will not fetch.
		await variables.getByLabel(/^tabellinnehåll/).selectOption([]);
		await expect(variables.getByRole('alert')).toHaveText('Välj minst ett värde för: tabellinnehåll.');
		await expect(page.getByRole('button', { name: 'Hämta och spara' })).toBeDisabled();
		expect(await seriousViolations(page)).toEqual([]);
		await variables.getByLabel(/^tabellinnehåll/).selectOption({ label: 'Folkmängd' });
		await page.getByRole('button', { name: 'Hämta och spara' }).click();
		await expect(page.getByTestId('import-saved')).toContainText('Sparat i workshopen');

		expect(posted).toHaveLength(1);
		expect(
			(posted[0] as { query: { code: string; selection: { values: string[] } }[] }).query.map((q) => [q.code, q.selection.values])
		).toEqual([
			['Region', ['0160', '0162']],
			['ContentsCode', ['BE0101N1']],
			['Tid', ['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']]
		]);
		await facilitator.context.close();
	} finally {
		upstream.close();
	}
});
