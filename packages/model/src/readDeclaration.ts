import * as Y from 'yjs';
import { alignSegmentOrder } from './alignSegmentOrder';
import { type Bilingual, type SectionKind, getFragment, getMeta, readBilingual, sectionEntries } from './declarationLayout';
import { type SegmentTable, fragmentSegments } from './fragmentSegments';

export interface DeclarationMeta {
  title: Bilingual;
  edition: number | null;
  hostCity: Bilingual;
  nextHostCity: Bilingual;
  /** ISO dates (`2026-11-18`), or `""` when not set. */
  startDate: string;
  endDate: string;
}

export interface Segment {
  sid: string;
  fr: string;
  ja: string;
  /**
   * Only for a table cell's paragraph (absent otherwise, so a declaration without tables reads
   * and hashes as it always did): its place in the table, from the French side when the French
   * has this segment, else from the Japanese.
   */
  table?: SegmentTable;
}

export interface SectionJson {
  id: string;
  kind: SectionKind;
  title: Bilingual;
  segments: Segment[];
}

export interface DeclarationJson {
  meta: DeclarationMeta;
  sections: SectionJson[];
}

/**
 * The declaration as plain JSON: what the REST API returns, what versions hash and diffs compare.
 * Pure: it reads the document without writing to it, and tolerates whatever shape another Yjs
 * client may have written (unknown kinds read as `other`, missing titles as `""`, sections without
 * an id are skipped).
 */
export function readDeclaration(doc: Y.Doc): DeclarationJson {
  const meta = getMeta(doc);
  const edition = meta.get('edition');
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const sections: SectionJson[] = sectionEntries(doc).map(({ id, kind, map }) => ({
    id,
    kind,
    title: readBilingual(map.get('title')),
    segments: readSegments(doc, id),
  }));
  return {
    meta: {
      title: readBilingual(meta.get('title')),
      edition: typeof edition === 'number' && Number.isFinite(edition) ? edition : null,
      hostCity: readBilingual(meta.get('hostCity')),
      nextHostCity: readBilingual(meta.get('nextHostCity')),
      startDate: str(meta.get('startDate')),
      endDate: str(meta.get('endDate')),
    },
    sections,
  };
}

/** The aligned segments of one section: one entry per `sid`, `""` on the side that lacks it. */
export function readSegments(doc: Y.Doc, sectionId: string): Segment[] {
  const fr = fragmentSegments(getFragment(doc, sectionId, 'fr'));
  const ja = fragmentSegments(getFragment(doc, sectionId, 'ja'));
  // A sid repeated within one fragment (a paste not yet repaired) reads as its first block.
  const first = (list: typeof fr) => {
    const map = new Map<string, (typeof fr)[number]>();
    for (const s of list) if (!map.has(s.sid)) map.set(s.sid, s);
    return map;
  };
  const frFirst = first(fr);
  const jaFirst = first(ja);
  return alignSegmentOrder(
    fr.map((s) => s.sid),
    ja.map((s) => s.sid),
  ).map((sid) => {
    const segment: Segment = { sid, fr: frFirst.get(sid)?.text ?? '', ja: jaFirst.get(sid)?.text ?? '' };
    const table = frFirst.get(sid)?.table ?? jaFirst.get(sid)?.table;
    if (table) segment.table = table;
    return segment;
  });
}
