import { getMeta } from '@accord/model/declarationLayout';
import { signatoryMap, SIGNATORY_KEYS } from '@accord/model/signatories';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { appendRichSection } from '../../packages/export/test/richFixture';
import type { DocumentHub } from '@accord/server/sync/DocumentHub';

/**
 * Gives a declaration what an export prints: Cannes 2026, the two mayors, and a section with every
 * node and mark (`richFixture`). Written as a server change (stored and relayed like any edit):
 * the server refuses tables and superscript from clients until the editor's schema has them (A14,
 * the `tables` work), and the export must read them whoever wrote them.
 */
export async function furnishForExport(hub: DocumentHub, id: string): Promise<void> {
  const changed = await hub.change(id, (doc) => {
    doc.transact(() => {
      const meta = getMeta(doc);
      (meta.get('hostCity') as Y.Map<string>).set('fr', 'Cannes');
      (meta.get('hostCity') as Y.Map<string>).set('ja', 'カンヌ');
      meta.set('startDate', '2026-11-16');
      meta.set('endDate', '2026-11-19');
      const set = (key: string, fr: string, ja: string) => {
        const map = signatoryMap(doc, key);
        map.set('fr', fr);
        map.set('ja', ja);
      };
      set(SIGNATORY_KEYS.french.name, 'Hélène Dupont-Mercier', 'エレーヌ・デュポン＝メルシエ');
      set(SIGNATORY_KEYS.french.office, 'Maire de Cannes', 'カンヌ市長');
      set(SIGNATORY_KEYS.japanese.name, 'Takeshi Yamamoto', '山本 武');
      set(SIGNATORY_KEYS.japanese.office, 'Maire de Shizuoka', '静岡市長');
      appendRichSection(doc);
    });
  });
  if (!changed) throw new Error(`furnishForExport: no declaration ${id}`);
}

/** `pdftotext` (poppler-utils) of a PDF, whole, in reading layout. */
export function pdfText(pdf: Uint8Array, extraArgs: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-pdf-'));
  const file = join(dir, 'in.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftotext', [...extraArgs, '-enc', 'UTF-8', file, join(dir, 'out.txt')]);
  return readFileSync(join(dir, 'out.txt'), 'utf8');
}

/** Page count and embedded fonts (`pdfinfo`, `pdffonts`). */
export function pdfFacts(pdf: Uint8Array): { pages: number; fonts: string } {
  const dir = mkdtempSync(join(tmpdir(), 'accord-pdf-'));
  const file = join(dir, 'in.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? '0');
  return { pages, fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }) };
}

/** Page 1 (or `page`) of a PDF as a PNG at `path` (`pdftoppm`), for people to look at. */
export function pdfFirstPagePng(pdf: Uint8Array, path: string, dpi = 80, page = 1): void {
  const dir = mkdtempSync(join(tmpdir(), 'accord-pdf-'));
  const file = join(dir, 'in.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, path.replace(/\.png$/, '')]);
}
