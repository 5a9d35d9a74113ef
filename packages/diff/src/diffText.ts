import { diffArrays } from 'diff';
import type { Lang } from '@accord/model/declarationLayout';
import { tokenize } from './tokenize';

/** One run of a text diff. Equal + delete texts rebuild the old string, equal + insert the new. */
export interface TextOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

const WHITESPACE = /^\s+$/u;

/**
 * Rule D5: beyond this many inserted + deleted tokens, the token diff is abandoned for a whole
 * replacement. Myers' cost grows with length × edit distance; a rewritten 3,000-word paragraph
 * would block the server's request loop for seconds (measured: 2.8 s at a limit of 4,000, 0.1 s
 * at 1,000), and a word-level diff of a rewritten paragraph is unreadable anyway.
 */
const MAX_EDIT_LENGTH = 1000;

/**
 * Diffs two versions of a text in one language, token by token (README rules D1–D5).
 *
 * Contract: concatenating the `equal` and `delete` texts in order gives `oldText`; the `equal` and
 * `insert` texts give `newText`; no text is empty; two adjacent ops never share a kind; between two
 * `equal` ops a `delete` comes before an `insert`; identical inputs give a single `equal` op (or
 * none when both are empty). `tokens` tokenises: `cachedTokenize` where the same texts come back
 * (versions diffed again and again), the plain `tokenize` where they do not (a suggestion being
 * typed: a new text at every keystroke, which a cache would only fill).
 */
export function diffText(oldText: string, newText: string, lang: Lang, tokens: (text: string, lang: Lang) => readonly string[] = tokenize): TextOp[] {
  if (oldText === newText) return oldText === '' ? [] : [{ op: 'equal', text: oldText }];
  // diffArrays copies its inputs (`tokenize` is `slice()` for arrays): cached lists stay as they are.
  const changes = diffArrays(tokens(oldText, lang) as string[], tokens(newText, lang) as string[], { maxEditLength: MAX_EDIT_LENGTH });
  if (changes === undefined) return canonicalize([{ op: 'delete', text: oldText }, { op: 'insert', text: newText }]);
  const ops: TextOp[] = changes.map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value.join(''),
  }));
  return canonicalize(absorbLoneWhitespace(canonicalize(ops)));
}

/**
 * Rule D3: a whitespace-only `equal` between two changes becomes part of both (deleted and
 * reinserted), so "le chat noir → le chien blanc" reads as one replaced phrase, not two words with
 * a kept space between. Both concatenations are unchanged: the space still appears once in each.
 * Expects canonical input, where an `equal`'s neighbours are never `equal`.
 */
function absorbLoneWhitespace(ops: readonly TextOp[]): TextOp[] {
  const out: TextOp[] = [];
  ops.forEach((op, i) => {
    const between = i > 0 && i < ops.length - 1;
    if (op.op === 'equal' && between && WHITESPACE.test(op.text)) {
      out.push({ op: 'delete', text: op.text }, { op: 'insert', text: op.text });
    } else {
      out.push(op);
    }
  });
  return out;
}

/**
 * Rule D2: drops empty ops, merges adjacent equals, and rewrites every run of changes between two
 * equals as at most one `delete` followed by at most one `insert`. Reordering inside a run is safe:
 * deletes only feed the old text and inserts only the new one, and each keeps its own order.
 */
function canonicalize(ops: readonly TextOp[]): TextOp[] {
  const out: TextOp[] = [];
  let deleted = '';
  let inserted = '';
  const flushChanges = () => {
    if (deleted !== '') out.push({ op: 'delete', text: deleted });
    if (inserted !== '') out.push({ op: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const op of ops) {
    if (op.text === '') continue;
    if (op.op === 'delete') deleted += op.text;
    else if (op.op === 'insert') inserted += op.text;
    else {
      flushChanges();
      const last = out[out.length - 1];
      if (last !== undefined && last.op === 'equal') last.text += op.text;
      else out.push({ op: 'equal', text: op.text });
    }
  }
  flushChanges();
  return out;
}
