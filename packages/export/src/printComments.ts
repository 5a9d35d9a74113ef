import type { Lang } from '@accord/model/declarationLayout';
import { escapeHtml as esc } from './escapeHtml';
import { type ExportThread, markInlines, messageLang, noteLang, passageKey, placeComments, quoted, whereLabel, type PlacedThread, type SectionComments } from './exportComments';
import { EXPORT_LABELS, formatExportDateTime } from './exportLabels';
import type { ExportSection } from './readExportContent';
import type { Inline, Textblock } from './richText';

/**
 * The comments of a print view asked with them (docs/export.md X7): the passage marked in the
 * text with its number, and after each section a numbered list of its threads — the quoted
 * passage, every message with its author and date, whether it was resolved. A thread whose
 * passage is not printed is numbered beside the section's title.
 */
export class PrintComments {
  private readonly placed: Map<string, SectionComments>;

  constructor(
    sections: readonly ExportSection[],
    threads: readonly ExportThread[],
    private readonly langs: readonly Lang[],
  ) {
    this.placed = placeComments(sections, threads, langs);
  }

  /** A textblock's inlines as HTML, its commented passages marked (first occurrence of its segment only). */
  inlines(sectionId: string, block: Textblock, lang: Lang, inlineHtml: (inline: Inline) => string): string {
    const section = this.placed.get(sectionId);
    const key = block.sid === null ? null : passageKey(block.sid, lang);
    const ranges = key === null ? undefined : section?.inText.get(key);
    if (!section || !key || !ranges) return block.inlines.map(inlineHtml).join('');
    section.inText.delete(key);
    return markInlines(block.inlines, ranges)
      .map((piece) => {
        if (piece.kind === 'start') return '';
        if (piece.kind === 'end') return reference(piece.placed);
        const html = inlineHtml(piece.inline);
        return piece.marked && piece.inline.kind === 'text' ? `<mark class="commented">${html}</mark>` : html;
      })
      .join('');
  }

  /** The numbers of the section's threads whose passage is not printed, to follow its title. */
  titleReferences(sectionId: string): string {
    return (this.placed.get(sectionId)?.loose ?? []).map(reference).join('');
  }

  /** The notes list closing a section; empty when it has no thread. */
  notes(sectionId: string): string {
    const section = this.placed.get(sectionId);
    if (!section) return '';
    const heading = this.langs.map((l) => `<span lang="${l}">${esc(EXPORT_LABELS[l].comments)}</span>`).join(' / ');
    const items = section.all.map(({ number, thread }) => {
      const l0 = noteLang(thread, this.langs);
      const labels = EXPORT_LABELS[l0];
      const loose = section.loose.some((p) => p.thread === thread);
      const where = whereLabel(thread, loose, this.langs);
      const quote = `<p class="comment-quote"><span lang="${thread.language}">${esc(quoted(thread.quote, thread.language))}</span>${
        where ? ` <span class="comment-where" lang="${l0}">${esc(where)}</span>` : ''
      }</p>`;
      const messages = thread.messages
        .map(
          (m) =>
            `<p class="comment-message"><span class="comment-meta"><strong lang="${messageLang(m.author)}">${esc(m.author)}</strong> · <span lang="${l0}">${esc(
              formatExportDateTime(m.createdAt, l0),
            )}${m.editedAt ? ` (${esc(labels.edited)})` : ''}</span></span><br><span class="comment-body" lang="${messageLang(m.body)}">${esc(m.body)}</span></p>`,
        )
        .join('');
      const resolved = thread.resolved
        ? `<p class="comment-resolved" lang="${l0}">${esc(labels.resolvedBy.replace('{who}', thread.resolved.by).replace('{date}', formatExportDateTime(thread.resolved.at, l0)))}</p>`
        : '';
      return `<li id="comment-${number}" value="${number}"${thread.resolved ? ' class="comment--resolved"' : ''}>${quote}${messages}${resolved}</li>`;
    });
    return `<aside class="comment-notes"><h3>${heading}</h3><ol>${items.join('')}</ol></aside>`;
  }
}

function reference(placed: PlacedThread): string {
  return `<sup class="comment-ref"><a href="#comment-${placed.number}">${placed.number}</a></sup>`;
}
