import type { Lang } from '@accord/model/declarationLayout';
import { CommentRangeEnd, CommentRangeStart, CommentReference, type ICommentOptions, Paragraph, type ParagraphChild, TextRun } from 'docx';
import { type ExportThread, markInlines, messageLang, noteLang, passageKey, placeComments, quoted, whereLabel, type PlacedThread, type SectionComments } from './exportComments';
import { EXPORT_LABELS, formatExportDateTime } from './exportLabels';
import type { ExportSection } from './readExportContent';
import type { Inline, Textblock } from './richText';

/**
 * Word comments of an export asked with comments (docs/export.md X7): each thread is a comment on
 * its passage, its replies are Word replies (`parentId`), a resolved thread is marked done. A
 * thread whose passage is not printed (the other language, deleted, not in this version) is
 * anchored on its section's title and quotes the passage.
 */
export class DocxComments {
  private readonly placed: Map<string, SectionComments>;
  /** The Word id of each thread's first message (its replies follow), by thread: placements are copies. */
  private readonly ids = new Map<ExportThread, number>();
  private readonly comments: ICommentOptions[] = [];

  constructor(
    sections: readonly ExportSection[],
    threads: readonly ExportThread[],
    langs: readonly Lang[],
    /** Word's font and language settings for a run (the document's own `run`). */
    private readonly run: (lang: Lang, text: string, extra?: { italics?: boolean; color?: string }) => TextRun,
  ) {
    this.placed = placeComments(sections, threads, langs);
    for (const section of this.placed.values()) {
      for (const placed of section.all) {
        const lang = noteLang(placed.thread, langs);
        const labels = EXPORT_LABELS[lang];
        const first = this.comments.length;
        this.ids.set(placed.thread, first);
        const loose = section.loose.includes(placed);
        placed.thread.messages.forEach((message, index) => {
          const lines: Paragraph[] = [];
          if (index === 0 && loose) {
            const where = whereLabel(placed.thread, true, langs);
            lines.push(new Paragraph({ children: [this.run(placed.thread.language, quoted(placed.thread.quote, placed.thread.language), { italics: true }), this.run(lang, ` ${where}`, { color: '666666' })] }));
          }
          const edited = message.editedAt ? ` (${labels.edited})` : '';
          lines.push(new Paragraph({ children: [this.run(messageLang(message.body), message.body), this.run(lang, edited, { color: '666666' })] }));
          const resolved = placed.thread.resolved;
          if (index === 0 && resolved) {
            const text = labels.resolvedBy.replace('{who}', resolved.by).replace('{date}', formatExportDateTime(resolved.at, lang));
            lines.push(new Paragraph({ children: [this.run(lang, text, { italics: true, color: '666666' })] }));
          }
          this.comments.push({
            id: first + index,
            author: message.author,
            initials: initials(message.author),
            date: new Date(message.createdAt),
            children: lines,
            ...(index > 0 ? { parentId: first } : {}),
            ...(placed.thread.resolved ? { resolved: true } : {}),
          });
        });
      }
    }
  }

  /** The `comments` option of the Word document; `undefined` when there are none. */
  options(): { children: ICommentOptions[] } | undefined {
    return this.comments.length > 0 ? { children: this.comments } : undefined;
  }

  /** The runs of a textblock, with the comment ranges of the passages it holds (first occurrence of its segment only). */
  textblock(sectionId: string, block: Textblock, lang: Lang, toRun: (inline: Inline) => ParagraphChild): ParagraphChild[] {
    const section = this.placed.get(sectionId);
    const key = block.sid === null ? null : passageKey(block.sid, lang);
    const ranges = key === null ? undefined : section?.inText.get(key);
    if (!section || !key || !ranges) return block.inlines.map(toRun);
    section.inText.delete(key);
    return markInlines(block.inlines, ranges).flatMap((piece) =>
      piece.kind === 'inline' ? [toRun(piece.inline)] : piece.kind === 'start' ? this.starts(piece.placed) : this.ends(piece.placed),
    );
  }

  /** A section title's runs, holding the threads whose passage is not printed. */
  title(sectionId: string, runs: ParagraphChild[]): ParagraphChild[] {
    const loose = this.placed.get(sectionId)?.loose ?? [];
    if (loose.length === 0) return runs;
    return [...loose.flatMap((p) => this.starts(p)), ...runs, ...loose.flatMap((p) => this.ends(p))];
  }

  private messageIds(placed: PlacedThread): number[] {
    const first = this.ids.get(placed.thread)!;
    return placed.thread.messages.map((_, i) => first + i);
  }

  private starts(placed: PlacedThread): ParagraphChild[] {
    return this.messageIds(placed).map((id) => new CommentRangeStart(id));
  }

  private ends(placed: PlacedThread): ParagraphChild[] {
    return this.messageIds(placed).flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]);
  }
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  // A Japanese name is usually written without spaces: its first character stands for it.
  return words.map((w) => [...w][0]!).join('').slice(0, 3).toUpperCase();
}

