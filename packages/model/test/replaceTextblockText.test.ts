import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { textblockText } from '../src/fragmentSegments';
import { replaceTextblockText } from '../src/replaceTextblockText';

function block(build: (p: Y.XmlElement) => void): { doc: Y.Doc; p: Y.XmlElement } {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  doc.getXmlFragment('f').insert(0, [p]);
  build(p);
  return { doc, p };
}

describe('replaceTextblockText (C8)', () => {
  it('rewrites only the differing middle of one run: formatting and positions around it stay', () => {
    const { doc, p } = block((p) => {
      const run = new Y.XmlText();
      p.insert(0, [run]);
      run.insert(0, 'Les acteurs locaux 🌸 agissent');
      run.format(0, 3, { bold: true });
    });
    const run = p.get(0) as Y.XmlText;
    const after = Y.createRelativePositionFromTypeIndex(run, 'Les acteurs locaux 🌸 '.length);
    doc.transact(() => replaceTextblockText(p, 'Les parties prenantes locales 🌸 agissent'));
    expect(textblockText(p)).toBe('Les parties prenantes locales 🌸 agissent');
    expect(p.length).toBe(1);
    expect((run.toDelta() as { attributes?: object }[])[0]!.attributes).toEqual({ bold: true });
    expect(Y.createAbsolutePositionFromRelativePosition(after, doc)!.index).toBe('Les parties prenantes locales 🌸 '.length);
    // A change next to an emoji never splits its surrogate pair.
    doc.transact(() => replaceTextblockText(p, 'Les parties prenantes locales 🌺 agissent'));
    expect(textblockText(p)).toBe('Les parties prenantes locales 🌺 agissent');
  });

  it('writes hard breaks as lines, and empties a block', () => {
    const { doc, p } = block(() => {});
    doc.transact(() => replaceTextblockText(p, '一行目\n二行目'));
    expect(textblockText(p)).toBe('一行目\n二行目');
    expect(p.toArray().map((n) => (n instanceof Y.XmlElement ? n.nodeName : 'text'))).toEqual(['text', 'hardBreak', 'text']);
    doc.transact(() => replaceTextblockText(p, ''));
    expect(textblockText(p)).toBe('');
  });
});
