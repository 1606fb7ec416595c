import { sectorLabel } from '$lib/i18n/sector-label';
import type { CanvasSheet } from '$lib/domain/archive/canvas-sheets';
import { DEFAULT_AGENDA_TEMPLATE } from '$lib/domain/method/default-templates';
import type { Lang } from '$lib/i18n/lang';
import { translator } from '$lib/i18n/messages';
import { el, esc } from './markup';

/** A3 landscape, one sheet per page, large enough to read and write on around a table. */
const CANVAS_CSS = `
@page { size: A3 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'DejaVu Sans', Arial, sans-serif; color: #14232b; }
.sheet { height: 272mm; display: grid; grid-template-rows: auto 1fr; gap: 6mm; page-break-after: always; break-after: page; }
.sheet:last-child { page-break-after: auto; break-after: auto; }
header { border: 1.5mm solid #0b5c6b; border-radius: 4mm; padding: 4mm 6mm; }
header p { margin: 0; font-size: 11pt; color: #40525c; }
header h1 { margin: 1mm 0 0; font-size: 22pt; min-height: 12mm; }
header h1.blank { border-bottom: 0.4mm dashed #40525c; }
.fields { display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: 1fr 1fr; gap: 6mm; }
section { border: 0.8mm solid #14232b; border-radius: 4mm; padding: 4mm 6mm; overflow: hidden; }
h2 { margin: 0; font-size: 18pt; }
.prompt { margin: 1mm 0 3mm; font-size: 11pt; color: #40525c; }
ul.cards { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 3mm; }
ul.cards li { width: 58mm; min-height: 20mm; padding: 2mm 3mm; background: #fff6c7; border: 0.3mm solid #c9b458; font-size: 11pt; }
ul.cards small { display: block; margin-top: 1mm; color: #40525c; font-size: 8pt; }
ul.examples { margin: 0; padding-left: 6mm; font-size: 11pt; color: #40525c; }
`;

/** The seed's canvas, a sheet per page, as a self-contained HTML page for the PDF printer. */
export function canvasPage(sheets: readonly CanvasSheet[], options: { title: string; lang: Lang }): string {
	const t = translator(options.lang);
	const promptOf = (kind: string) => DEFAULT_AGENDA_TEMPLATE.items.find((item) => item.phase === kind)?.prompt[options.lang] ?? '';
	const pages = sheets.map((sheet) => {
		const who = sheet.group === null ? t('archive.canvas.plenary') : t('archive.canvas.group', { number: sheet.group });
		const header = el(
			'header',
			{},
			el('p', {}, esc(`${options.title} · ${who} · ${t('archive.canvas.question')}`)) +
				(sheet.question ? el('h1', {}, esc(sheet.question)) : el('h1', { class: 'blank', 'aria-label': t('archive.canvas.blankQuestion') }))
		);
		const fields = sheet.fields.map((field) => {
			const cards = field.cards.map((card) => el('li', {}, esc(card.text) + el('small', {}, esc(sectorLabel(t, card.sector)))));
			const examples =
				field.kind === 'nasta-steg'
					? el('p', { class: 'prompt' }, esc(t('archive.canvas.examples'))) +
						el(
							'ul',
							{ class: 'examples' },
							sheet.nextStepPrompts.map((prompt) => el('li', {}, esc(t(`method.next.prompts.${prompt}`)))).join('')
						)
					: '';
			return el(
				'section',
				{},
				el('h2', {}, esc(t(`card.kinds.${field.kind}`))) +
					(field.kind === 'nasta-steg' ? '' : el('p', { class: 'prompt' }, esc(promptOf(field.kind)))) +
					examples +
					(cards.length > 0 ? el('ul', { class: 'cards' }, cards.join('')) : '')
			);
		});
		return el('div', { class: 'sheet' }, header + el('div', { class: 'fields' }, fields.join('')));
	});
	return `<!doctype html><html lang="${options.lang}"><head><meta charset="utf-8"><title>${esc(
		`${options.title} – ${t('archive.canvas.title')}`
	)}</title><style>${CANVAS_CSS}</style></head><body>${pages.join('')}</body></html>`;
}
