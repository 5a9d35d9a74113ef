/**
 * Comment anchors (docs/access-and-workflow.md C1) against real Y.Docs: two people edit the same
 * paragraph at once, in random places and orders (seeded), and the comment stays on its passage.
 */
import { createPassageAnchor, resolvePassageAnchor } from '@accord/model/commentAnchor';
import { findSegmentBlock } from '@accord/model/findTextblock';
import { textblockText } from '@accord/model/fragmentSegments';
import { getFragment } from '@accord/model/declarationLayout';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../support/seededRandom';

const QUOTE = '主体的な参加';

function paragraphDoc(text: string): Y.Doc {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.setAttribute('sid', 'sP');
  const run = new Y.XmlText();
  run.insert(0, text);
  p.insert(0, [run]);
  getFragment(doc, 'theme', 'ja').insert(0, [p]);
  return doc;
}

const block = (doc: Y.Doc) => findSegmentBlock(doc, 'theme', 'ja', 'sP')!;
const run = (doc: Y.Doc) => block(doc).get(0) as Y.XmlText;

describe('comment anchors survive concurrent edits in the same paragraph (C1)', () => {
  for (const seed of [1, 2, 3, 17, 42]) {
    it(`seed ${seed}: edits around the passage by two writers leave it anchored, in both copies`, () => {
      const random = seededRandom(seed);
      const a = paragraphDoc(`市民と自治体の${QUOTE}を進める。`);
      const b = new Y.Doc();
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      const text = textblockText(block(a));
      const anchor = createPassageAnchor(a, { sectionId: 'theme', sid: 'sP', language: 'ja' }, text.indexOf(QUOTE), text.indexOf(QUOTE) + QUOTE.length)!;
      expect(anchor.quote).toBe(QUOTE);
      const pending: { to: Y.Doc; update: Uint8Array }[] = [];
      a.on('update', (u: Uint8Array) => pending.push({ to: b, update: u }));
      b.on('update', (u: Uint8Array) => pending.push({ to: a, update: u }));
      for (let step = 0; step < 120; step++) {
        const doc = random() < 0.5 ? a : b;
        const current = textblockText(block(doc));
        const at = current.indexOf(QUOTE);
        // Anywhere outside the passage, edges included: before it, or after it.
        const before = random() < 0.5;
        const pos = before ? Math.floor(random() * (at + 1)) : at + QUOTE.length + Math.floor(random() * (current.length - at - QUOTE.length + 1));
        if (random() < 0.7 || current.length < 30) run(doc).insert(pos, random() < 0.5 ? '、' : 'とくに');
        else {
          const room = before ? at - pos : current.length - pos;
          if (room > 0) run(doc).delete(pos, 1 + Math.floor(random() * Math.min(room, 3)));
        }
        // Deliver some of what is in flight, in random order (the rest arrives later).
        while (pending.length > 0 && random() < 0.5) {
          const { to, update } = pending.splice(Math.floor(random() * pending.length), 1)[0]!;
          Y.applyUpdate(to, update);
        }
      }
      while (pending.length > 0) {
        const { to, update } = pending.shift()!;
        Y.applyUpdate(to, update);
      }
      expect(textblockText(block(a))).toBe(textblockText(block(b)));
      for (const doc of [a, b]) {
        const now = textblockText(block(doc));
        const resolved = resolvePassageAnchor(doc, anchor);
        expect(resolved).toEqual({ state: 'anchored', sid: 'sP', from: now.indexOf(QUOTE), to: now.indexOf(QUOTE) + QUOTE.length, text: QUOTE });
      }
    });
  }

  it('an edit inside the passage reads as changed, with what is there now', () => {
    const doc = paragraphDoc(`市民の${QUOTE}。`);
    const anchor = createPassageAnchor(doc, { sectionId: 'theme', sid: 'sP', language: 'ja' }, 3, 3 + QUOTE.length)!;
    run(doc).insert(5, '積極');
    expect(resolvePassageAnchor(doc, anchor)).toMatchObject({ state: 'changed', from: 3, text: '主体積極的な参加' });
  });

  it('a passage cut and pasted elsewhere in its segment is found again by its quote; removed, it reads as deleted', () => {
    const doc = paragraphDoc(`市民の${QUOTE}。`);
    const anchor = createPassageAnchor(doc, { sectionId: 'theme', sid: 'sP', language: 'ja' }, 3, 3 + QUOTE.length)!;
    run(doc).delete(3, QUOTE.length);
    run(doc).insert(0, QUOTE);
    expect(resolvePassageAnchor(doc, anchor)).toEqual({ state: 'reanchored', sid: 'sP', from: 0, to: QUOTE.length, text: QUOTE });
    run(doc).delete(0, QUOTE.length);
    expect(resolvePassageAnchor(doc, anchor)).toEqual({ state: 'deleted' });
  });

  it('a deleted paragraph reads as deleted, and hard breaks count as one character', () => {
    const doc = paragraphDoc('一行目');
    block(doc).insert(1, [new Y.XmlElement('hardBreak')]);
    const second = new Y.XmlText();
    second.insert(0, '二行目の主体');
    block(doc).insert(2, [second]);
    expect(textblockText(block(doc))).toBe('一行目\n二行目の主体');
    const anchor = createPassageAnchor(doc, { sectionId: 'theme', sid: 'sP', language: 'ja' }, 8, 10)!;
    expect(resolvePassageAnchor(doc, anchor)).toMatchObject({ state: 'anchored', from: 8, to: 10, text: '主体' });
    getFragment(doc, 'theme', 'ja').delete(0, 1);
    expect(resolvePassageAnchor(doc, anchor)).toEqual({ state: 'deleted' });
  });
});
