import type { Bilingual, Lang, SectionKind } from '@accord/model/declarationLayout';
import type { SegmentTable } from '@accord/model/fragmentSegments';
import type { DeclarationJson, Segment, SectionJson } from '@accord/model/readDeclaration';
import { cachedTokenize } from './cachedTokenize';
import { diffText, type TextOp } from './diffText';
import { type Placement, matchById } from './matchById';

export type { TextOp } from './diffText';

/**
 * How a section or segment differs between two versions (README rule A4). Exactly one applies,
 * by precedence: `added` / `removed` (in one version only), then `moved` (in both, position
 * relative to the others changed — even if its content changed too, which `textChanged` /
 * `contentChanged` then tells), then `changed`, then `unchanged`.
 */
export type ChangeStatus = 'unchanged' | 'changed' | 'added' | 'removed' | 'moved';

/**
 * How the two languages of one segment (or title) moved together (README rule A5): which of the
 * French and Japanese texts differ between the versions. `fr-only` means the Japanese was not
 * touched while the French was, so the translation is probably stale; `ja-only` the reverse.
 */
export type LanguageMovement = 'unchanged' | 'both-changed' | 'fr-only' | 'ja-only';

/** A text diff in each language. */
export interface BilingualOps {
  fr: TextOp[];
  ja: TextOp[];
}

export interface SegmentDiff {
  sid: string;
  status: ChangeStatus;
  /** The French or Japanese text differs (a missing segment counts as `""` in both languages). */
  textChanged: boolean;
  languages: LanguageMovement;
  /** Texts in the old version; `null` when the segment was added. */
  old: Bilingual | null;
  /** Texts in the new version; `null` when the segment was removed. */
  new: Bilingual | null;
  /** Old → new diff per language; a missing side diffs as `""`, so an added segment is all inserts. */
  ops: BilingualOps;
  /**
   * Only when the segment is a table cell's paragraph: its place in the table, in the new version
   * (in the old one for a removed segment). Absent for every other segment.
   */
  table?: SegmentTable;
}

export interface TitleDiff {
  old: Bilingual | null;
  new: Bilingual | null;
  languages: LanguageMovement;
  ops: BilingualOps;
}

/** Counts over a list of segments (or sections): one per status, one per language movement. */
export interface DiffSummary {
  status: Record<ChangeStatus, number>;
  languages: Record<LanguageMovement, number>;
}

export interface SectionDiff {
  id: string;
  status: ChangeStatus;
  /**
   * The title, the kind or any segment differs (a segment added, removed, moved or changed). An
   * added or removed section compares with an empty one, so this is true unless it was empty.
   */
  contentChanged: boolean;
  kind: { old: SectionKind | null; new: SectionKind | null };
  title: TitleDiff;
  /** Every segment of either version, once, in reading order (README rule A3). */
  segments: SegmentDiff[];
  /** Counts over `segments`. */
  summary: DiffSummary;
}

export interface DeclarationDiff {
  /** Every section of either version, once, in reading order (README rule A3). */
  sections: SectionDiff[];
  summary: {
    /** Counts over `sections` (`languages` counts their titles). */
    sections: DiffSummary;
    /** Counts over the segments of all sections. */
    segments: DiffSummary;
  };
}

const NO_TEXT: Bilingual = { fr: '', ja: '' };

/**
 * Compares two versions of a declaration: sections matched by `id`, segments matched by `sid`
 * within their section (a segment that changes section reads as removed here and added there).
 * Pure and deterministic; the result is plain JSON. `meta` is not compared.
 */
export function diffDeclarations(from: DeclarationJson, to: DeclarationJson): DeclarationDiff {
  const sections = matchById(from.sections, to.sections, (s) => s.id).map((m) =>
    diffSection(m.id, m.placement, m.old, m.new),
  );
  return {
    sections,
    summary: {
      sections: summarize(sections.map((s) => ({ status: s.status, languages: s.title.languages }))),
      segments: summarize(sections.flatMap((s) => s.segments)),
    },
  };
}

function diffSection(id: string, placement: Placement, old: SectionJson | null, next: SectionJson | null): SectionDiff {
  const segments = matchById(old?.segments ?? [], next?.segments ?? [], (s) => s.sid).map((m) =>
    diffSegment(m.id, m.placement, m.old, m.new),
  );
  const title = diffBilingual(old?.title ?? null, next?.title ?? null);
  const oldKind = old?.kind ?? null;
  const newKind = next?.kind ?? null;
  // A missing side compares as an empty section of the same kind (see `contentChanged`).
  const kindChanged = oldKind !== null && newKind !== null && oldKind !== newKind;
  const contentChanged = title.languages !== 'unchanged' || kindChanged || segments.some((s) => s.status !== 'unchanged');
  return {
    id,
    status: statusOf(placement, contentChanged),
    contentChanged,
    kind: { old: oldKind, new: newKind },
    title,
    segments,
    summary: summarize(segments),
  };
}

function diffSegment(sid: string, placement: Placement, old: Segment | null, next: Segment | null): SegmentDiff {
  const texts = diffBilingual(old && { fr: old.fr, ja: old.ja }, next && { fr: next.fr, ja: next.ja });
  const textChanged = texts.languages !== 'unchanged';
  const diff: SegmentDiff = {
    sid,
    status: statusOf(placement, textChanged),
    textChanged,
    languages: texts.languages,
    old: texts.old,
    new: texts.new,
    ops: texts.ops,
  };
  const table = (next ?? old)?.table;
  if (table) diff.table = table;
  return diff;
}

function diffBilingual(old: Bilingual | null, next: Bilingual | null): TitleDiff {
  const before = old ?? NO_TEXT;
  const after = next ?? NO_TEXT;
  // Versions are diffed again and again (the compare view, « since my last visit »): their tokens are remembered.
  const ops = (lang: Lang) => diffText(before[lang], after[lang], lang, cachedTokenize);
  return {
    old,
    new: next,
    languages: languageMovement(before.fr !== after.fr, before.ja !== after.ja),
    ops: { fr: ops('fr'), ja: ops('ja') },
  };
}

/** Rule A5. */
function languageMovement(frChanged: boolean, jaChanged: boolean): LanguageMovement {
  if (frChanged && jaChanged) return 'both-changed';
  if (frChanged) return 'fr-only';
  if (jaChanged) return 'ja-only';
  return 'unchanged';
}

/** Rule A4: presence first, then position, then content. */
function statusOf(placement: Placement, changed: boolean): ChangeStatus {
  if (placement === 'added' || placement === 'removed' || placement === 'moved') return placement;
  return changed ? 'changed' : 'unchanged';
}

function summarize(items: readonly { status: ChangeStatus; languages: LanguageMovement }[]): DiffSummary {
  const summary: DiffSummary = {
    status: { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0 },
    languages: { unchanged: 0, 'both-changed': 0, 'fr-only': 0, 'ja-only': 0 },
  };
  for (const item of items) {
    summary.status[item.status] += 1;
    summary.languages[item.languages] += 1;
  }
  return summary;
}
