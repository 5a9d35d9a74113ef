/**
 * A section with every node and mark the editor writes (TipTap names, as the `tables` branch adds
 * them): headings, bold, italic, superscript, hard breaks, numbered lists starting at 3, bullets,
 * a table with header cells and a cell spanning two columns, a French-only and a Japanese-only
 * segment. Written straight into the Y.XmlFragments, the way the Collaboration binding stores them.
 */
import { getFragment, getSections, newBilingualMap } from '@accord/model/declarationLayout';
import * as Y from 'yjs';

type Run = string | { text: string; bold?: true; italic?: true; superscript?: true } | 'BR';

function textblock(type: 'paragraph' | 'heading', sid: string, runs: Run[], attrs: Record<string, unknown> = {}): Y.XmlElement {
  const el = new Y.XmlElement(type);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
  el.setAttribute('sid', sid);
  const nodes: Array<Y.XmlText | Y.XmlElement> = [];
  let text: Y.XmlText | null = null;
  const pending: Array<{ insert: string; attributes?: Record<string, object> }> = [];
  const flush = () => {
    if (pending.length === 0) return;
    text = new Y.XmlText();
    text.applyDelta(pending.splice(0));
    nodes.push(text);
  };
  for (const r of runs) {
    if (r === 'BR') {
      flush();
      nodes.push(new Y.XmlElement('hardBreak'));
    } else if (typeof r === 'string') pending.push({ insert: r });
    else {
      const attributes: Record<string, object> = {};
      if (r.bold) attributes.bold = {};
      if (r.italic) attributes.italic = {};
      if (r.superscript) attributes.superscript = {};
      pending.push({ insert: r.text, attributes });
    }
  }
  flush();
  el.insert(0, nodes);
  return el;
}

const p = (sid: string, ...runs: Run[]) => textblock('paragraph', sid, runs);
const h = (sid: string, level: number, ...runs: Run[]) => textblock('heading', sid, runs, { level });
function element(name: string, children: Y.XmlElement[], attrs: Record<string, unknown> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
  el.insert(0, children);
  return el;
}
const li = (...children: Y.XmlElement[]) => element('listItem', children);
const cell = (header: boolean, sid: string, text: string, attrs: Record<string, unknown> = { colspan: 1, rowspan: 1 }) =>
  element(header ? 'tableHeader' : 'tableCell', [p(sid, text)], attrs);

export const RICH_SECTION_ID = 'annex';

/** The texts of the fixture's segments, in reading order, per language (for order checks). */
export const RICH_TEXTS = {
  fr: [
    'Annexe\u202f: chiffres',
    'Les collectivités réunies pour la 9e fois',
    'à Cannes.',
    'Phrase seulement en français.',
    'Troisième engagement',
    'Quatrième engagement',
    'Jeunesse',
    'Ville',
    'Pays',
    'Cannes',
    'France',
    'Total\u00a0: 54 collectivités',
  ],
  ja: ['付録：数字', '第9回会議に集まった自治体', 'カンヌにて。', '日本語のみの文。', '第三の約束', '第四の約束', '青少年', '都市', '国', 'カンヌ', 'フランス', '合計：54自治体'],
};

export function appendRichSection(doc: Y.Doc): void {
  doc.transact(() => {
    const section = new Y.Map<unknown>();
    section.set('id', RICH_SECTION_ID);
    section.set('kind', 'other');
    section.set('title', newBilingualMap({ fr: 'Annexe', ja: '付録' }));
    getSections(doc).push([section]);
    getFragment(doc, RICH_SECTION_ID, 'fr').insert(0, [
      h('x-h', 3, 'Annexe\u202f: chiffres'),
      p('x-p', 'Les ', { text: 'collectivités', bold: true }, ' réunies pour la 9', { text: 'e', superscript: true }, ' fois', 'BR', { text: 'à Cannes.', italic: true }),
      p('x-fr-only', 'Phrase seulement en français.'),
      element('orderedList', [li(p('x-o1', 'Troisième engagement')), li(p('x-o2', 'Quatrième engagement'))], { start: 3 }),
      element('bulletList', [li(p('x-b1', 'Jeunesse'))]),
      element('table', [
        element('tableRow', [cell(true, 'x-t1', 'Ville'), cell(true, 'x-t2', 'Pays')]),
        element('tableRow', [cell(false, 'x-t3', 'Cannes'), cell(false, 'x-t4', 'France')]),
        element('tableRow', [cell(false, 'x-t5', 'Total\u00a0: 54 collectivités', { colspan: 2, rowspan: 1 })]),
      ]),
    ]);
    getFragment(doc, RICH_SECTION_ID, 'ja').insert(0, [
      h('x-h', 3, '付録：数字'),
      p('x-p', '第', { text: '9', bold: true }, '回会議に集まった自治体', 'BR', { text: 'カンヌにて。', italic: true }),
      p('x-ja-only', '日本語のみの文。'),
      element('orderedList', [li(p('x-o1', '第三の約束')), li(p('x-o2', '第四の約束'))], { start: 3 }),
      element('bulletList', [li(p('x-b1', '青少年'))]),
      element('table', [
        element('tableRow', [cell(true, 'x-t1', '都市'), cell(true, 'x-t2', '国')]),
        element('tableRow', [cell(false, 'x-t3', 'カンヌ'), cell(false, 'x-t4', 'フランス')]),
        element('tableRow', [cell(false, 'x-t5', '合計：54自治体', { colspan: 2, rowspan: 1 })]),
      ]),
    ]);
  });
}
