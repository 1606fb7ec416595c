/**
 * The report's styles, scoped to `.dd-report` so the same rules serve the
 * standalone page (API, PDF) and the facilitator's report page inside the app.
 * Print rules: A4 with margins, no page break inside a figure, table row or
 * loop, headings kept with what follows, and the app's chrome hidden.
 */
export const REPORT_CSS = `
.dd-report {
	--ink: #14232b;
	--soft: #40525c;
	--line: #c9d3d8;
	--brand: #0b5c6b;
	color: var(--ink);
	background: #ffffff;
	font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
	line-height: 1.5;
	max-width: 52rem;
	margin: 0 auto;
	padding: 1rem;
	overflow-wrap: break-word;
}
.dd-report h1 { font-size: 1.7rem; margin: 0 0 0.25rem; line-height: 1.2; }
.dd-report h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 2px solid var(--brand); color: var(--brand); line-height: 1.25; }
.dd-report h3 { font-size: 1.1rem; margin: 1.25rem 0 0.4rem; line-height: 1.25; }
.dd-report h4 { font-size: 1rem; margin: 0.9rem 0 0.3rem; }
.dd-report .kicker { margin: 0; color: var(--soft); text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.85rem; }
.dd-report .meta, .dd-report .lead, .dd-report .note, .dd-report .empty, .dd-report figcaption, .dd-report footer { color: var(--soft); }
.dd-report .empty { font-style: italic; }
.dd-report .votes { color: var(--soft); white-space: nowrap; }
.dd-report .url { font-size: 0.9em; }
.dd-report dl.facts { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
.dd-report dl.facts dt { font-weight: 600; }
.dd-report dl.facts dd { margin: 0; }
.dd-report dl.readings dt { font-weight: 600; margin-top: 0.4rem; }
.dd-report dl.readings dd { margin: 0; }
.dd-report .scroll { overflow-x: auto; margin: 0.5rem 0; }
.dd-report .scroll:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.dd-report table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
.dd-report th, .dd-report td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
.dd-report th { background: #eef3f5; }
.dd-report figure { margin: 0.75rem 0; }
.dd-report svg { display: block; max-width: 100%; height: auto; }
.dd-report .chart-narrow { display: none; }
@media (max-width: 36rem) {
	.dd-report .chart-wide { display: none; }
	.dd-report .chart-narrow { display: block; }
}
.dd-report .legend { list-style: none; padding: 0; margin: 0.3rem 0 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.dd-report .swatch { display: inline-block; width: 1.6rem; margin-right: 0.35rem; vertical-align: middle; border-top: 3px solid; }
.dd-report .swatch.dashed { border-top-style: dashed; }
.dd-report .story { margin: 0.2rem 0 0.5rem; }
.dd-report .block { margin-bottom: 1.5rem; }
.dd-report footer { margin-top: 2.5rem; font-size: 0.85rem; }
@media (max-width: 30rem) {
	.dd-report dl.facts { grid-template-columns: 1fr; }
	.dd-report dl.facts dd { margin-bottom: 0.4rem; }
}
@page { size: A4; margin: 16mm 14mm; }
@media print {
	.dd-report { max-width: none; padding: 0; font-size: 10.5pt; }
	.dd-report .scroll { overflow: visible; }
	.dd-report .chart-wide { display: block; }
	.dd-report .chart-narrow { display: none; }
	.dd-report h2, .dd-report h3, .dd-report h4 { break-after: avoid; }
	.dd-report figure, .dd-report tr, .dd-report li, .dd-report dl.facts { break-inside: avoid; }
}
`;
