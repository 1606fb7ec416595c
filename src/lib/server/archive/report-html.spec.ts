import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../../../../tests/fixtures/archive/sample-workshop';
import { buildReportModel } from '$lib/domain/archive/report-model';
import { ARCHIVE_TITLE_MAX } from '$lib/domain/archive/schema';
import { TITLE_MAX } from '../workshops';
import { renderReport, reportPage } from './report-html';

const now = new Date('2026-11-05T12:00:00.000Z');

describe('the report as HTML', () => {
	it('has every section in order for a filled workshop', () => {
		const html = renderReport(buildReportModel(sampleDocument()), { lang: 'sv', now });
		const headings = [...html.matchAll(/<h2 id="report-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
		expect(headings).toEqual([
			'Mål, tema och fråga',
			'Deltagare',
			'Samverkan',
			'Önskelista',
			'Tillgänglig data',
			'Luckor',
			'Systemkartor',
			'Indikatorer',
			'Testa härnäst',
			'Nästa steg',
			'Reflektioner och utvärdering',
			'Uppföljning'
		]);
		expect(html).toContain('Jämför frånvaron terminen före och efter lovaktiviteterna <span class="sector">(Skola/förskola)</span>');
		expect(html).toContain('Version 2, fryst 4 november 2026 kl. 10:30.');
		expect(html).toContain('<time datetime="2027-02-04">4 februari 2027</time>');
	});

	it('shows the evaluation as "N av M" and the reflections by sector, with nobody identified', () => {
		const html = renderReport(buildReportModel(sampleDocument()), { lang: 'sv', now });
		expect(html).toContain('2 av 3 anser att dialogen stärkt samverkan i det lokala arbetet');
		expect(html).toContain('3 av 3 planerar nya initiativ');
		expect(html).toMatch(/Polis<\/p><ul><li>Samverkan med skolan<\/li>/);
		expect(html).toContain('Vad tar du med dig från idag i det fortsatta utvecklingsarbetet i din kommun? (2 svar)');
		const english = renderReport(buildReportModel(sampleDocument(), 'en'), { lang: 'en', now });
		expect(english).toContain('3 of 3 plan new initiatives');
	});

	it('leaves the reflections out when nobody answered', () => {
		const document = { ...sampleDocument(), responses: { surveys: {}, summaries: {}, followUp: false } };
		expect(renderReport(buildReportModel(document), { lang: 'sv', now })).not.toContain('section-responses');
	});

	it('draws each map and each indicator as an inline image with a text alternative', () => {
		const html = renderReport(buildReportModel(sampleDocument()), { lang: 'sv', now });
		expect(html).toMatch(/<svg[^>]*role="img"[^>]*>\s*<title>Systemkarta 1<\/title>/);
		expect(html).toMatch(
			/<svg[^>]*class="chart chart-wide"[^>]*aria-label="Elever med hög frånvaro\. Över tid\. Riket 2023: 10,2; Nynäshamn 2024: 14,1"/
		);
		expect(html).toContain('class="chart chart-narrow"');
	});

	it('escapes everything people wrote and holds no script', () => {
		const document = sampleDocument();
		const evil = '<script>alert("x")</script>';
		const canvases = [
			{ ...document.canvases[0]!, cards: document.canvases[0]!.cards.map((c) => (c.id === 's1' ? { ...c, text: evil } : c)) }
		];
		const page = reportPage(buildReportModel({ ...document, canvases }), { lang: 'sv', now });
		expect(page).not.toContain('<script');
		expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
	});

	it('speaks English when asked', () => {
		const html = renderReport(buildReportModel(sampleDocument(), 'en'), { lang: 'en', now });
		expect(html).toContain('>Wish list</h2>');
		expect(html).toContain('lang="en"');
	});

	it('uses the same title limit as the workshop API', () => {
		expect(ARCHIVE_TITLE_MAX).toBe(TITLE_MAX);
	});
});
