import { docxBytes } from '@accord/export/docxBytes';
import type { ExportThread } from '@accord/export/exportComments';
import type { ExportFrame, ExportLang } from '@accord/export/ExportFrame';
import { type ExportFilename, exportFilename, type ExportFormat } from '@accord/export/exportFilename';
import { printHtml } from '@accord/export/printHtml';
import { type ExportContent, readExportContent } from '@accord/export/readExportContent';
import { versionLabel } from '@accord/export/versionLabel';
import { type ResolvedAnchor, resolvePassageAnchor } from '@accord/model/commentAnchor';
import type { ExportVersionRef } from '@accord/protocol/rest/export';
import { type Adoption, readAdoption } from '@accord/workflow/workflowMap';
import type { TalkStore, ThreadWithMessages } from '../storage/TalkStore';
import type { DocumentHub } from '../sync/DocumentHub';
import type { VersionService } from '../versions/VersionService';
import type { PdfRenderer } from './PdfRenderer';

/** The text to export, read once: plain values, no document kept. */
export interface ExportSource {
  content: ExportContent;
  frame: Omit<ExportFrame, 'lang'>;
  /** The comment threads to print (X7); empty unless asked, by a member who may read them. */
  comments: ExportThread[];
}

export type ExportRead = { ok: true; source: ExportSource } | { ok: false; problem: 'unknown-declaration' | 'unknown-version' | 'not-adopted' };

export type Rendered =
  | { ok: true; bytes: Uint8Array | string; contentType: string; filename: ExportFilename }
  | { ok: false; problem: 'pdf-unavailable'; reason: string };

const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

/**
 * Exports of declarations (docs/export.md). Reading and rendering are two steps on purpose: the
 * read runs inside the room's queue (one consistent state, a few milliseconds), the rendering —
 * DOCX packing, Chromium printing, up to seconds — runs after it, so edits keep flowing (X5).
 */
export class ExportService {
  constructor(
    private readonly hub: DocumentHub,
    private readonly versions: VersionService,
    private readonly talk: TalkStore,
    /** `null` when the server has no Chromium: PDF exports answer 503 with `noPdfReason`. */
    private readonly pdf: PdfRenderer | null,
    private readonly noPdfReason: string,
    private readonly clock: () => Date,
  ) {}

  /** `withComments`: the caller asked for them and may read them (the route decides, C2). */
  async read(declarationId: string, ref: ExportVersionRef, withComments = false): Promise<ExportRead> {
    const threads = withComments ? await this.talk.listThreads(declarationId) : [];
    if (ref === 'current') {
      const live = await this.hub.read(declarationId, (doc) => ({
        content: readExportContent(doc),
        adoption: readAdoption(doc),
        // Resolved in the same read as the text, so the offsets are those of the exported state.
        comments: threads.map((t) => exportThread(t, resolvePassageAnchor(doc, t.anchor))),
      }));
      if (!live) return { ok: false, problem: 'unknown-declaration' };
      const adopted = isAdoptedText(live.content, live.adoption);
      const frame = { versionLabel: versionLabel({ kind: adopted ? 'adopted' : 'current', label: null }), versionDate: this.clock().toISOString(), adopted };
      return { ok: true, source: { content: live.content, frame, comments: live.comments } };
    }
    const live = await this.hub.read(declarationId, (doc) => ({ adoption: readAdoption(doc) }));
    if (!live) return { ok: false, problem: 'unknown-declaration' };
    const { adoption } = live;
    const versionId = ref === 'adopted' ? adoption?.versionId : ref;
    if (!versionId) return { ok: false, problem: 'not-adopted' };
    const loaded = await this.versions.load(declarationId, versionId);
    if (!loaded) return { ok: false, problem: 'unknown-version' };
    let content: ExportContent;
    try {
      content = readExportContent(loaded.doc);
    } finally {
      loaded.doc.destroy();
    }
    const adopted = isAdoptedText(content, adoption);
    const frame = {
      // The adopted text is called so in both languages, whatever its version was labelled.
      versionLabel: adopted ? versionLabel({ kind: 'adopted', label: null }) : versionLabel(loaded.record),
      versionDate: ref === 'adopted' && adoption ? adoption.at : loaded.record.createdAt,
      adopted,
    };
    // A saved version: the live anchors say nothing about its text; the quote is looked up in it.
    return { ok: true, source: { content, frame, comments: threads.map((t) => exportThread(t, null)) } };
  }

  async render(source: ExportSource, format: ExportFormat, lang: ExportLang): Promise<Rendered> {
    const frame: ExportFrame = { ...source.frame, lang };
    const filename = exportFilename(source.content.meta, lang, format, frame.adopted);
    const done = (bytes: Uint8Array | string): Rendered => ({ ok: true, bytes, contentType: CONTENT_TYPES[format], filename });
    switch (format) {
      case 'html':
        return done(printHtml(source.content, frame, source.comments));
      case 'docx':
        return done(await docxBytes(source.content, frame, source.comments));
      case 'pdf': {
        if (!this.pdf) return { ok: false, problem: 'pdf-unavailable', reason: this.noPdfReason };
        const result = await this.pdf.render(printHtml(source.content, frame, source.comments));
        return result.ok ? done(new Uint8Array(result.pdf)) : { ok: false, problem: 'pdf-unavailable', reason: result.reason };
      }
    }
  }

  close(): Promise<void> {
    return this.pdf?.close() ?? Promise.resolve();
  }
}

/** The adopted text is the one whose hash the adoption in force is bound to (W6); anything else is a draft. */
function isAdoptedText(content: ExportContent, adoption: Adoption | null): boolean {
  return adoption !== null && adoption.hash === content.hash;
}

/** A stored thread as an export prints it; `where` is its anchor resolved in the exported text (`null`: a saved version). */
function exportThread(t: ThreadWithMessages, where: ResolvedAnchor | null): ExportThread {
  return {
    sectionId: t.anchor.sectionId,
    sid: where && where.state !== 'deleted' ? where.sid : t.anchor.sid,
    language: t.anchor.language,
    quote: where && where.state !== 'deleted' ? where.text : t.anchor.quote,
    range: where && where.state !== 'deleted' ? { from: where.from, to: where.to } : null,
    passageGone: where?.state === 'deleted',
    resolved: t.resolved ? { by: t.resolved.by, at: t.resolved.at } : null,
    messages: t.messages.map((m) => ({ author: m.author.name, createdAt: m.createdAt, editedAt: m.editedAt, body: m.body })),
  };
}
