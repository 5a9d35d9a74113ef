import * as Y from 'yjs';
import { type Lang, type SectionKind, TEXTBLOCK_TYPES, getFragment, getMeta, sectionEntries } from './declarationLayout';
import { findTextblock } from './findTextblock';
import { textblockText } from './fragmentSegments';
import { insertSection } from './insertSection';
import { newSid } from './newSid';
import { replaceTextblockText } from './replaceTextblockText';
import { confirmTranslation } from './translationState';
import { type RichBlock, type TextRun, richTextblocks, writeRichBlocks } from './writeRichBlocks';

/** The imported text of one existing segment, and the text it had when the user saw the preview. */
export interface SegmentWrite {
  sid: string;
  was: string;
  text: readonly TextRun[];
  confirmed: boolean;
}

/** What an import writes into one section: into existing segments, or blocks of its own after them. */
export type ImportedLanguageSection =
  | { id: string; title: string; items: Array<{ segment: SegmentWrite } | { blocks: RichBlock[] }> }
  | { id: null; kind: SectionKind; title: string; blocks: RichBlock[] };

/** A metadata field to fill in the imported language, where its value now is one of `over` (none, a placeholder). */
export interface MetaWrite {
  key: 'title' | 'hostCity' | 'nextHostCity';
  text: string;
  over: readonly string[];
}

export interface ImportedLanguagePlan {
  sections: readonly ImportedLanguageSection[];
  meta: readonly MetaWrite[];
}

export interface ImportedLanguageResult {
  /** Segments whose text in the imported language was written. */
  written: number;
  /** Textblocks created in the imported language (blocks without counterpart, new sections). */
  addedSegments: number;
  addedSections: number;
  /** Segments left as they were: someone changed their text in that language since the preview. */
  kept: Array<{ sectionId: string; sid: string }>;
}

const other = (lang: Lang): Lang => (lang === 'fr' ? 'ja' : 'fr');

/**
 * Adds the text of `lang` to an existing declaration, in the caller's transaction (docs/import.md,
 * I6). Only the `lang` side is written — the other language's text is the declaration's own and
 * is never touched — and nothing anyone typed is overwritten: a segment whose `lang` text is no
 * longer what the preview saw (`was`) is kept as it is and reported. A segment the `lang` side
 * lacks is created there in the other side's shape (same kind of block, same list, a mirrored
 * table, same `sid`); blocks without counterpart go after the segment before them; a section of
 * the text matching none of the declaration's is added after the section before it. Confirmed
 * segments record a translation confirmation by `by`; a section title, and the title and cities
 * in `meta`, are filled in only where the `lang` value is empty (or a placeholder `over` names).
 */
export function writeImportedLanguage(
  doc: Y.Doc,
  lang: Lang,
  { sections, meta }: ImportedLanguagePlan,
  by: string,
  at: Date = new Date(),
  makeSid: () => string = newSid,
): ImportedLanguageResult {
  const result: ImportedLanguageResult = { written: 0, addedSegments: 0, addedSections: 0, kept: [] };
  for (const write of meta) {
    const field = getMeta(doc).get(write.key);
    if (!(field instanceof Y.Map)) continue;
    const current = field.get(lang);
    if (write.over.includes(typeof current === 'string' ? current.trim() : '') && current !== write.text) field.set(lang, write.text);
  }
  let previous: string | null = null;
  for (const section of sections) {
    if (section.id === null) {
      previous = addSection(doc, lang, section, previous, makeSid, result);
      continue;
    }
    previous = section.id;
    const entry = sectionEntries(doc).find((e) => e.id === section.id);
    if (!entry) continue; // removed since the preview: its text is not written into a hidden fragment
    const title = entry.map.get('title');
    if (section.title.trim() !== '' && title instanceof Y.Map && (typeof title.get(lang) !== 'string' || (title.get(lang) as string).trim() === '')) {
      title.set(lang, section.title);
    }
    new SectionWriter(doc, section.id, lang, by, at, makeSid, result).write(section.items);
  }
  return result;
}

class SectionWriter {
  private readonly fragment: Y.XmlFragment;
  private readonly theirs: Y.XmlFragment;
  /** The top-level node of `fragment` the next new block goes after (`null`: the start). */
  private anchor: Y.XmlElement | null = null;
  /** Lists of the other side, and the list made here for their items. */
  private readonly lists = new Map<Y.XmlElement, Y.XmlElement>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly sectionId: string,
    private readonly lang: Lang,
    private readonly by: string,
    private readonly at: Date,
    private readonly makeSid: () => string,
    private readonly result: ImportedLanguageResult,
  ) {
    this.fragment = getFragment(doc, sectionId, lang);
    this.theirs = getFragment(doc, sectionId, other(lang));
  }

  write(items: ReadonlyArray<{ segment: SegmentWrite } | { blocks: RichBlock[] }>): void {
    for (const item of items) {
      if ('blocks' in item) this.addBlocks(item.blocks);
      else this.writeSegment(item.segment);
    }
  }

  private writeSegment(write: SegmentWrite): void {
    const plain = write.text.map((r) => r.text).join('');
    let block = findTextblock(this.fragment, write.sid);
    const current = block ? textblockText(block) : '';
    if (current !== write.was) {
      this.result.kept.push({ sectionId: this.sectionId, sid: write.sid });
      if (block) this.anchor = topLevel(this.fragment, block);
      return;
    }
    if (plain.trim() === '') return;
    block ??= this.createSegment(write.sid);
    if (current === '') {
      if (block.length > 0) block.delete(0, block.length);
      const text = new Y.XmlText();
      block.insert(0, [text]);
      let offset = 0;
      for (const run of write.text.filter((r) => r.text !== '')) {
        text.insert(offset, run.text, Object.fromEntries(run.marks.map((m) => [m, {}])));
        offset += run.text.length;
      }
    } else replaceTextblockText(block, plain);
    this.result.written++;
    this.anchor = topLevel(this.fragment, block);
    const counterpart = findTextblock(this.theirs, write.sid);
    const theirText = counterpart ? textblockText(counterpart) : '';
    if (write.confirmed && theirText.trim() !== '') {
      const pair = this.lang === 'fr' ? { fr: plain, ja: theirText } : { fr: theirText, ja: plain };
      confirmTranslation(this.doc, { sid: write.sid, ...pair }, this.by, this.at);
    }
  }

  /** The textblock `sid` on this side, made in the shape the other side gives it. */
  private createSegment(sid: string): Y.XmlElement {
    const source = findTextblock(this.theirs, sid);
    const top = source ? topLevel(this.theirs, source) : null;
    if (source && top && top.nodeName === 'table' && !tableSids(top).some((s) => findTextblock(this.fragment, s))) {
      this.insertAfterAnchor(mirror(top));
      this.result.addedSegments += tableSids(top).length;
      return findTextblock(this.fragment, sid)!;
    }
    this.result.addedSegments++;
    // A block on its own there is the same kind of block here (a heading keeps its level); a
    // list item's or a table cell's text is a paragraph.
    const alone = source !== null && top === source;
    const block = new Y.XmlElement(alone ? source.nodeName : 'paragraph');
    if (alone && source.nodeName === 'heading') block.setAttribute('level', source.getAttribute('level') as string);
    block.setAttribute('sid', sid);
    if (source && top && (top.nodeName === 'bulletList' || top.nodeName === 'orderedList')) {
      const item = new Y.XmlElement('listItem');
      item.insert(0, [block]);
      const made = this.lists.get(top);
      if (made && made.parent === this.fragment) made.insert(made.length, [item]);
      else {
        const list = new Y.XmlElement(top.nodeName);
        const start = top.getAttribute('start');
        if (start !== undefined) list.setAttribute('start', start);
        list.insert(0, [item]);
        this.insertAfterAnchor(list);
        this.lists.set(top, list);
      }
      return block;
    }
    this.insertAfterAnchor(block);
    return block;
  }

  private addBlocks(blocks: readonly RichBlock[]): void {
    const sids = richTextblocks(blocks).map(() => this.makeSid());
    const nodes = writeRichBlocks(this.fragment, blocks, this.lang, sids, this.anchorIndex());
    this.result.addedSegments += sids.length;
    this.anchor = nodes[nodes.length - 1] ?? this.anchor;
  }

  private insertAfterAnchor(node: Y.XmlElement): void {
    this.fragment.insert(this.anchorIndex(), [node]);
    this.anchor = node;
  }

  private anchorIndex(): number {
    if (this.anchor === null) return 0;
    const index = this.fragment.toArray().indexOf(this.anchor);
    return index < 0 ? this.fragment.length : index + 1;
  }
}

function addSection(
  doc: Y.Doc,
  lang: Lang,
  section: { kind: SectionKind; title: string; blocks: RichBlock[] },
  previous: string | null,
  makeSid: () => string,
  result: ImportedLanguageResult,
): string {
  const sids = richTextblocks(section.blocks).map(() => makeSid());
  const first = sids[0] ?? makeSid();
  const listed = sectionEntries(doc);
  const place = previous !== null && listed.some((e) => e.id === previous) ? { after: previous } : listed[0] ? { before: listed[0].id } : null;
  const title = lang === 'fr' ? { fr: section.title, ja: '' } : { fr: '', ja: section.title };
  // insertSection writes one empty paragraph under `first` on both sides: the other side keeps
  // it (the first block's counterpart, untranslated), this side gets the imported blocks.
  const id = insertSection(doc, { kind: section.kind, title, place, makeSid: () => first });
  const fragment = getFragment(doc, id, lang);
  if (section.blocks.length > 0) {
    fragment.delete(0, fragment.length);
    writeRichBlocks(fragment, section.blocks, lang, sids.length > 0 ? sids : [first]);
  }
  result.addedSections++;
  result.addedSegments += sids.length;
  return id;
}

/** The ancestor of `node` that is a direct child of `fragment`. */
function topLevel(fragment: Y.XmlFragment, node: Y.XmlElement): Y.XmlElement {
  let at: Y.XmlElement = node;
  while (at.parent && at.parent !== fragment && at.parent instanceof Y.XmlElement) at = at.parent;
  return at;
}

function tableSids(table: Y.XmlElement): string[] {
  const out: string[] = [];
  const visit = (node: Y.XmlElement) => {
    if (holdsText(node)) {
      const sid = node.getAttribute('sid');
      if (typeof sid === 'string') out.push(sid);
      return;
    }
    for (const child of node.toArray()) if (child instanceof Y.XmlElement) visit(child);
  };
  visit(table);
  return out;
}

/** A copy of `node` with its attributes (`sid`s included) and structure, and no text. */
function mirror(node: Y.XmlElement): Y.XmlElement {
  const copy = new Y.XmlElement(node.nodeName);
  for (const [key, value] of Object.entries(node.getAttributes())) copy.setAttribute(key, value as string);
  if (holdsText(node)) return copy;
  const children = node.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement).map(mirror);
  if (children.length > 0) copy.insert(0, children);
  return copy;
}

/** A paragraph or heading (the nodes that carry a `sid`); not a type guard, so the other branch keeps its type. */
function holdsText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): boolean {
  return node instanceof Y.XmlElement && (TEXTBLOCK_TYPES as readonly string[]).includes(node.nodeName);
}
