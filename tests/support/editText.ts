import { getFragment, type Lang } from '@accord/model/declarationLayout';
import { readDeclaration } from '@accord/model/readDeclaration';
import * as Y from 'yjs';

/** The `index`-th textblock (paragraph or heading, lists included) of a section in one language. */
export function textblock(doc: Y.Doc, sectionId: string, lang: Lang, index = 0): Y.XmlElement {
  const blocks: Y.XmlElement[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (!(node instanceof Y.XmlElement)) return;
    if (node.nodeName === 'paragraph' || node.nodeName === 'heading') blocks.push(node);
    else node.toArray().forEach(visit);
  };
  getFragment(doc, sectionId, lang).toArray().forEach(visit);
  const block = blocks[index];
  if (!block) throw new Error(`no textblock ${index} in ${sectionId}/${lang}`);
  return block;
}

/** Appends `text` at the end of a textblock, as typing at its end would. */
export function typeAtEnd(doc: Y.Doc, sectionId: string, lang: Lang, text: string, index = 0): void {
  const block = textblock(doc, sectionId, lang, index);
  let run = block.toArray().findLast((n): n is Y.XmlText => n instanceof Y.XmlText);
  doc.transact(() => {
    if (!run) {
      run = new Y.XmlText();
      block.insert(block.length, [run]);
    }
    run.insert(run.length, text);
  });
}

/** The plain text of a section's segment in one language, read through the model. */
export function segmentText(doc: Y.Doc, sectionId: string, lang: Lang, index = 0): string {
  const section = readDeclaration(doc).sections.find((s) => s.id === sectionId);
  return section?.segments[index]?.[lang] ?? '';
}
