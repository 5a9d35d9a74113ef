import type { Lang } from '@accord/model/declarationLayout';
import { type BilingualUnit, bilingualRows } from './bilingualRows';
import { documentStatus, languagesOf, signatoryLines } from './documentParts';
import { type ExportFrame } from './ExportFrame';
import { escapeHtml as esc } from './escapeHtml';
import type { ExportThread } from './exportComments';
import { EXPORT_LABELS, formatExportDate } from './exportLabels';
import { PrintComments } from './printComments';
import type { ExportContent } from './readExportContent';
import type { Inline, RichBlock, RichTable, Textblock } from './richText';
import { PRINT_CSS } from './printCss';

/**
 * The print view of a declaration: one self-contained HTML page (no script, no external resource)
 * that Chromium turns into the PDF and that a browser prints as is. Every block carries `lang`, so
 * kanji take Japanese glyph shapes and French text French hyphenation; `@page` margin boxes print
 * the title, version, hash and page numbers on every page, « projet » / 草案 on a draft.
 */
export function printHtml(content: ExportContent, frame: ExportFrame, comments: readonly ExportThread[] = []): string {
  const langs = languagesOf(frame.lang);
  const notes = new PrintComments(content.sections, comments, langs);
  const status = documentStatus(content, frame);
  const title = langs.map((l) => content.meta.title[l]).filter((t) => t !== '').join(' — ');
  const body = [
    frame.adopted ? '' : `<div class="draft-banner">${langs.map((l) => `<p lang="${l}">${esc(EXPORT_LABELS[l].draftNotice)}</p>`).join('')}</div>`,
    `<header class="cover">${langs.map((l) => `<h1 lang="${l}">${esc(content.meta.title[l])}</h1>`).join('')}</header>`,
    frame.lang === 'bilingual' ? bilingualBody(content, notes) : singleBody(content, frame.lang, notes),
    frame.adopted ? signatures(content, langs) : '',
    `<footer class="colophon">${langs
      .map(
        (l) =>
          `<p lang="${l}">${esc(content.meta.title[l])}<br>${esc(EXPORT_LABELS[l].version)}${EXPORT_LABELS[l].colon}${esc(frame.versionLabel[l])} — ${esc(
            formatExportDate(frame.versionDate, l),
          )}<br>${esc(EXPORT_LABELS[l].hash)}${EXPORT_LABELS[l].colon}<code>${content.hash}</code><br><strong>${esc(status[l])}</strong></p>`,
      )
      .join('')}</footer>`,
  ].join('\n');
  const pageLang = langs[0]!;
  const footerText = `${content.meta.title[pageLang]} · ${frame.versionLabel[pageLang]} · ${formatExportDate(frame.versionDate, pageLang)} · SHA-256 ${status.hashPrefix}`;
  const pageCounter =
    frame.lang === 'bilingual'
      ? 'counter(page) " / " counter(pages)'
      : EXPORT_LABELS[frame.lang].pageOf
          .split(/(\{page\}|\{pages\})/)
          .filter((part) => part !== '')
          .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
          .join(' ');
  const pageCss = `@page { @bottom-left { content: ${cssString(footerText)}; } @bottom-right { content: ${pageCounter}; }${
    frame.adopted ? '' : ` @top-right { content: ${cssString(langs.map((l) => EXPORT_LABELS[l].draft).join(' · '))}; }`
  } }`;
  return `<!doctype html>
<html lang="${pageLang}" class="export export--${frame.lang}${frame.adopted ? ' export--adopted' : ' export--draft'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="accord-hash" content="${content.hash}">
<title>${esc(title)}</title>
<style>${PRINT_CSS}
${pageCss}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Rendering a section's blocks carries the comments to mark in it. */
interface BlockContext {
  notes: PrintComments;
  sectionId: string;
}

function singleBody(content: ExportContent, lang: Lang, notes: PrintComments): string {
  return content.sections
    .map((section) => {
      const ctx = { notes, sectionId: section.id };
      return `<section class="declaration-section" lang="${lang}"><h2 lang="${lang}">${esc(section.title[lang])}${notes.titleReferences(section.id)}</h2>${blocksHtml(
        section[lang],
        lang,
        ctx,
      )}${notes.notes(section.id)}</section>`;
    })
    .join('\n');
}

function bilingualBody(content: ExportContent, notes: PrintComments): string {
  const label = EXPORT_LABELS;
  return content.sections
    .map((section) => {
      const ctx = { notes, sectionId: section.id };
      const rows = bilingualRows(section.fr, section.ja)
        .map(
          (row) =>
            `<tr>${(['fr', 'ja'] as const)
              .map((l) => {
                const unit = row[l];
                return unit
                  ? `<td lang="${l}">${unitHtml(unit, l, ctx)}</td>`
                  : `<td lang="${l}" class="untranslated"><p lang="${l}" class="untranslated-mark">${esc(label[l].untranslated)}</p></td>`;
              })
              .join('')}</tr>`,
        )
        .join('');
      return `<table class="bilingual"><colgroup><col><col></colgroup><tbody><tr class="section-title"><th colspan="2"><h2><span lang="fr">${esc(
        section.title.fr,
      )}</span><span lang="ja">${esc(section.title.ja)}${notes.titleReferences(section.id)}</span></h2></th></tr>${rows}</tbody></table>${notes.notes(section.id)}`;
    })
    .join('\n');
}

function unitHtml(unit: BilingualUnit, lang: Lang, ctx: BlockContext): string {
  if (unit.kind === 'table') return tableHtml(unit.table, lang, ctx);
  const { block, marker, depth } = unit;
  const cls = [block.type === 'heading' ? 'unit-heading' : 'unit', marker ? 'unit-item' : '', `depth-${Math.min(depth, 4)}`].filter(Boolean).join(' ');
  const markerHtml = marker ? `<span class="marker">${esc(marker)}</span>` : '';
  return `<p lang="${lang}" class="${cls}">${markerHtml}${textblockHtml(block, lang, ctx)}</p>`;
}

function blocksHtml(blocks: readonly RichBlock[], lang: Lang, ctx: BlockContext): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return `<p lang="${lang}">${textblockHtml(block, lang, ctx)}</p>`;
        case 'heading': {
          const tag = `h${Math.min(6, Math.max(3, block.level + 1))}`;
          return `<${tag} lang="${lang}">${textblockHtml(block, lang, ctx)}</${tag}>`;
        }
        case 'bulletList':
        case 'orderedList': {
          const tag = block.type === 'bulletList' ? 'ul' : 'ol';
          const start = block.type === 'orderedList' && block.start !== 1 ? ` start="${block.start}"` : '';
          return `<${tag} lang="${lang}"${start}>${block.items.map((item) => `<li lang="${lang}">${blocksHtml(item.blocks, lang, ctx)}</li>`).join('')}</${tag}>`;
        }
        case 'table':
          return tableHtml(block, lang, ctx);
      }
    })
    .join('');
}

function tableHtml(table: RichTable, lang: Lang, ctx: BlockContext): string {
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell) => {
            const tag = cell.header ? 'th' : 'td';
            const span = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}`;
            return `<${tag} lang="${lang}"${span}>${blocksHtml(cell.blocks, lang, ctx)}</${tag}>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<table class="content-table" lang="${lang}"><tbody>${rows}</tbody></table>`;
}

function textblockHtml(block: Textblock, lang: Lang, ctx: BlockContext): string {
  return ctx.notes.inlines(ctx.sectionId, block, lang, inlineHtml);
}

function inlineHtml(inline: Inline): string {
  if (inline.kind === 'break') return '<br>';
  let html = esc(inline.text);
  if (inline.superscript) html = `<sup>${html}</sup>`;
  if (inline.italic) html = `<em>${html}</em>`;
  if (inline.bold) html = `<strong>${html}</strong>`;
  return html;
}

function signatures(content: ExportContent, langs: readonly Lang[]): string {
  const blocks = signatoryLines(content, langs).map(
    (side) =>
      `<div class="signature">${side.lines
        .map((line) => `<p lang="${line.lang}" class="signature-${line.role}">${esc(line.text)}</p>`)
        .join('')}<div class="signature-line"></div></div>`,
  );
  return `<section class="signatures">${blocks.join('')}</section>`;
}

/** A CSS string literal: quotes and backslashes escaped, line breaks and `<` as code points (no `</style>`). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"\n\r<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
