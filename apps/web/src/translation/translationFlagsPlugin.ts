import { TEXTBLOCK_TYPES, type Lang } from '@accord/model/declarationLayout';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { SectionTranslation } from './TranslationStatus';

/** The interface strings the flags show, in the interface language. */
export interface FlagLabels {
  review: string;
  confirm: string;
  confirmHint: string;
  untranslated: string;
  /** « Traduire ici »: the button on a placeholder that creates the missing block here. */
  translateHere: string;
  translateHereHint: string;
}

/** What the editor of one section in one language should flag; sent to the plugin as a meta. */
export interface TranslationFlags {
  lang: Lang;
  section: SectionTranslation | null;
  labels: FlagLabels;
  /** Null when this person may not confirm here (docs/access-and-workflow.md A4): no button. */
  onConfirm: ((sid: string) => void) | null;
  /**
   * Creates, in this editor, the empty block (or table row, or table) of a segment only the other
   * language has (`translateHere`); null when this person may not write here: no button.
   */
  onTranslateHere: ((sid: string) => void) | null;
}

interface FlagsState {
  flags: TranslationFlags | null;
  decorations: DecorationSet;
}

export const translationFlagsKey = new PluginKey<FlagsState>('translationFlags');

/** Hands new flags to the plugin; not an edit, so it stays out of every history. */
export function setTranslationFlags(tr: Transaction, flags: TranslationFlags): Transaction {
  return tr.setMeta(translationFlagsKey, flags).setMeta('addToHistory', false);
}

/**
 * Flags stale and untranslated segments in one editor with decorations, which live only in this
 * page's view: nothing is written to the shared document but the confirmation itself.
 *
 * - A block whose translation is probably stale on this side gets a thin amber border and, above
 *   it, a small label with the "mark as up to date" button.
 * - A block that is empty here while the other language has text shows "untranslated" inside it.
 * - A segment that exists only in the other language gets a placeholder where it would be.
 *
 * Widgets sit between blocks, never inside the text, so the caret and IME composition never meet
 * a non-editable node inside a paragraph.
 */
export function translationFlagsPlugin(): Plugin<FlagsState> {
  return new Plugin<FlagsState>({
    key: translationFlagsKey,
    state: {
      init: () => ({ flags: null, decorations: DecorationSet.empty }),
      apply(tr, value, _oldState, newState) {
        const meta = tr.getMeta(translationFlagsKey) as TranslationFlags | undefined;
        if (meta) return { flags: meta, decorations: buildDecorations(newState.doc, meta) };
        if (tr.docChanged && value.flags) return { flags: value.flags, decorations: buildDecorations(newState.doc, value.flags) };
        return value;
      },
    },
    props: {
      decorations: (state) => translationFlagsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

interface Block {
  sid: string;
  pos: number;
  node: PmNode;
  /** Where a widget shown above the block goes: before its list item when it opens one. */
  above: number;
  /** Where a widget shown after the block goes: after its table when it is a cell's, else its end. */
  after: number;
}

function blocksOf(doc: PmNode): Block[] {
  const out: Block[] = [];
  doc.descendants((node, pos, parent, index) => {
    if ((TEXTBLOCK_TYPES as readonly string[]).includes(node.type.name)) {
      const sid: unknown = node.attrs.sid;
      // A widget inside a list item, above its paragraph, would take the bullet; put it before the item.
      const above = parent?.type.name === 'listItem' && index === 0 ? pos - 1 : pos;
      // A widget between table rows or cells would break the table: after the outermost table.
      const $pos = doc.resolve(pos);
      let after = pos + node.nodeSize;
      for (let depth = 1; depth <= $pos.depth; depth++) {
        if ($pos.node(depth).type.name === 'table') {
          after = $pos.after(depth);
          break;
        }
      }
      if (typeof sid === 'string' && sid !== '') out.push({ sid, pos, node, above, after });
      return false;
    }
    return true;
  });
  return out;
}

function buildDecorations(doc: PmNode, flags: TranslationFlags): DecorationSet {
  const { section, lang, labels } = flags;
  if (!section) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  const blocks = blocksOf(doc);
  const here = new Map<string, Block>();
  for (const block of blocks) if (!here.has(block.sid)) here.set(block.sid, block);

  for (const [sid, block] of here) {
    const state = section.states.get(sid);
    if (!state) continue;
    const end = block.pos + block.node.nodeSize;
    if (state.state === 'needs-review' && (state.review === lang || state.review === 'both')) {
      decorations.push(
        Decoration.node(block.pos, end, { class: 'translation-flag translation-flag--review', 'data-translation': 'needs-review' }),
        Decoration.widget(block.above, () => reviewWidget(sid, labels, flags.onConfirm), {
          key: `review\u0000${sid}\u0000${labels.review}\u0000${flags.onConfirm ? labels.confirm : ''}`,
          // After any placeholder sharing the position: the bar belongs to the block below it.
          side: 10_000,
          stopEvent: () => true,
          ignoreSelection: true,
        }),
      );
    } else if (state.state === 'untranslated' && state.missing === lang) {
      decorations.push(
        Decoration.node(block.pos, end, {
          class: 'translation-flag translation-flag--untranslated',
          'data-translation': 'untranslated',
          'data-flag-label': labels.untranslated,
        }),
      );
    }
  }

  // Segments only the other language has: a placeholder after the nearest preceding segment
  // present here (the segments are in reading order), or at the very start. The cells of one
  // table row share one placeholder (« Chartres | Le plan vélo »): the row is what is missing.
  let after = 0;
  // Widgets at one position keep their reading order by `side`; only contiguous cells group.
  let side = 0;
  let contiguous = false;
  const missing: Array<{ sids: string[]; quotes: string[]; at: number; side: number; row: number | null }> = [];
  for (const segment of section.segments) {
    const block = here.get(segment.sid);
    if (block) {
      after = block.after;
      contiguous = false;
      continue;
    }
    const state = section.states.get(segment.sid);
    if (state?.state !== 'untranslated' || state.missing !== lang) continue;
    const quote = lang === 'fr' ? segment.ja : segment.fr;
    const row = segment.table ? segment.table.row : null;
    const last = missing.at(-1);
    if (row !== null && contiguous && last && last.row === row) {
      last.sids.push(segment.sid);
      last.quotes.push(quote);
      continue;
    }
    contiguous = true;
    missing.push({ sids: [segment.sid], quotes: [quote], at: after, side: ++side, row });
  }
  for (const { sids, quotes, at, side } of missing) {
    const quote = quotes.filter((q) => q.trim() !== '').join(' | ');
    decorations.push(
      Decoration.widget(at, () => missingWidget(sids, quote, lang, labels, flags.onTranslateHere), {
        key: `missing\u0000${sids.join(' ')}\u0000${quote}\u0000${labels.untranslated}\u0000${flags.onTranslateHere ? labels.translateHere : ''}`,
        side,
        stopEvent: () => true,
        ignoreSelection: true,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

function reviewWidget(sid: string, labels: FlagLabels, onConfirm: ((sid: string) => void) | null): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'translation-flag__bar';
  bar.dataset.flagFor = sid;
  bar.setAttribute('data-testid', 'translation-flag');
  const label = document.createElement('span');
  label.className = 'translation-flag__label';
  label.textContent = labels.review;
  if (!onConfirm) {
    bar.append(label);
    return bar;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'translation-flag__confirm';
  button.textContent = labels.confirm;
  button.title = labels.confirmHint;
  button.dataset.sid = sid;
  button.setAttribute('data-testid', 'confirm-translation');
  // Keep the caret where it was: a mousedown would otherwise move the editor's selection.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', () => onConfirm(sid));
  bar.append(label, button);
  return bar;
}

function missingWidget(
  sids: readonly string[],
  quote: string,
  lang: Lang,
  labels: FlagLabels,
  onTranslateHere: ((sid: string) => void) | null,
): HTMLElement {
  const sid = sids[0]!;
  const box = document.createElement('div');
  box.className = 'translation-missing';
  box.dataset.missingSid = sid;
  box.dataset.missingSids = sids.join(' ');
  box.setAttribute('data-testid', 'translation-missing');
  const label = document.createElement('span');
  label.className = 'translation-missing__label';
  label.textContent = labels.untranslated;
  const text = document.createElement('span');
  text.className = 'translation-missing__quote';
  // The other language's text, as a reminder of what is to be translated.
  text.lang = lang === 'fr' ? 'ja' : 'fr';
  text.textContent = quote.length > 90 ? `${quote.slice(0, 90)}…` : quote;
  box.append(label, text);
  if (onTranslateHere) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'translation-missing__here';
    button.textContent = labels.translateHere;
    button.title = labels.translateHereHint;
    button.dataset.sid = sid;
    button.setAttribute('data-testid', 'translate-here');
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => onTranslateHere(sid));
    box.append(button);
  }
  return box;
}
