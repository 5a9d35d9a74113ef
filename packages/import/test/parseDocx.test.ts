import { AlignmentType, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { detectSections } from '../src/detectSections';
import { parseDocx } from '../src/parseDocx';

/** A Word file as the committees send them, written with the `docx` package. */
async function declarationDocx(extra: Paragraph[] = []): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [{ reference: 'engagements', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('9'), new TextRun({ text: 'e', superScript: true }), new TextRun(' Rencontres franco-japonaises – Déclaration de Cannes')] }),
          new Paragraph({ children: [new TextRun('Nous, représentants de 40 collectivités, réunis à Cannes du 16 au 19 novembre 2026 pour les 9'), new TextRun({ text: 'e', superScript: true }), new TextRun(' Rencontres, adoptons la déclaration suivante :')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Atelier 1 : Économie' }),
          new Paragraph({ heading: HeadingLevel.HEADING_3, text: 'Promotion de l’innovation' }),
          new Paragraph({ text: 'Soutenir les jeunes entreprises.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Accueillir les chercheurs.', bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Ville')] }), new TableCell({ children: [new Paragraph('Participants')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Cannes')] }), new TableCell({ children: [new Paragraph('120')] })] }),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Conclusion' }),
          new Paragraph({ text: 'Chaque collectivité partagera ses résultats.', numbering: { reference: 'engagements', level: 0 } }),
          new Paragraph({ text: 'Chaque collectivité participera aux Rencontres.', numbering: { reference: 'engagements', level: 0 } }),
          ...extra,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('DOCX import (mammoth)', () => {
  it('reads headings, lists, a table and superscript', async () => {
    const result = await parseDocx(await declarationDocx());
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings).toEqual([]);
    expect(result.blocks).toEqual([
      { type: 'heading', level: 1, text: '9<sup>e</sup> Rencontres franco-japonaises – Déclaration de Cannes' },
      { type: 'paragraph', text: 'Nous, représentants de 40 collectivités, réunis à Cannes du 16 au 19 novembre 2026 pour les 9<sup>e</sup> Rencontres, adoptons la déclaration suivante :' },
      { type: 'heading', level: 2, text: 'Atelier 1 : Économie' },
      { type: 'heading', level: 3, text: 'Promotion de l’innovation' },
      { type: 'bullet', text: 'Soutenir les jeunes entreprises.' },
      { type: 'bullet', text: 'Accueillir les chercheurs.' },
      { type: 'table', rows: [['Ville', 'Participants'], ['Cannes', '120']], header: false },
      { type: 'heading', level: 2, text: 'Conclusion' },
      { type: 'ordered', text: 'Chaque collectivité partagera ses résultats.', number: 1 },
      { type: 'ordered', text: 'Chaque collectivité participera aux Rencontres.', number: 2 },
    ]);
    expect(detectSections(result.blocks, 'fr').sections.map((s) => s.kind)).toEqual(['preamble', 'workshop', 'conclusion']);
  });

  it('reads a table row marked as header (w:tblHeader), or a first row all in bold, as the header row', async () => {
    const row = (cells: Array<string | TextRun>, tableHeader = false) =>
      new TableRow({ ...(tableHeader ? { tableHeader } : {}), children: cells.map((c) => new TableCell({ children: [new Paragraph(typeof c === 'string' ? { text: c } : { children: [c] })] })) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({ rows: [row(['Ville', 'Participants'], true), row(['Cannes', '120'])] }),
            new Paragraph('Entre les deux tableaux.'),
            new Table({ rows: [row([new TextRun({ text: '都市', bold: true }), new TextRun({ text: '参加者', bold: true })]), row(['静岡市', '120'])] }),
            new Paragraph('Puis un tableau sans en-tête.'),
            new Table({ rows: [row([new TextRun({ text: 'Cannes', bold: true }), 'Shizuoka']), row(['120', '80'])] }),
          ],
        },
      ],
    });
    const result = await parseDocx(new Uint8Array(await Packer.toBuffer(doc)));
    if (!result.ok) throw new Error(result.message);
    const tables = result.blocks.filter((b) => b.type === 'table');
    expect(tables).toEqual([
      { type: 'table', rows: [['Ville', 'Participants'], ['Cannes', '120']], header: true },
      { type: 'table', rows: [['都市', '参加者'], ['静岡市', '120']], header: true },
      { type: 'table', rows: [['<b>Cannes</b>', 'Shizuoka'], ['120', '80']], header: false },
    ]);
  });

  it('warns about tracked changes, which mammoth would silently accept', async () => {
    const tracked = new Paragraph({
      children: [
        new TextRun('Le texte '),
        new InsertedTextRun({ text: 'ajouté', id: 1, author: 'Claire', date: '2026-11-01T10:00:00Z' }),
        new DeletedTextRun({ text: 'supprimé', id: 2, author: 'Claire', date: '2026-11-01T10:00:00Z' }),
      ],
    });
    const result = await parseDocx(await declarationDocx([tracked]));
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings.map((w) => w.code)).toEqual(['tracked-changes']);
    expect(result.warnings[0]!.message).toMatch(/1 insertions, 1 deletions/);
    expect(result.blocks.at(-1)).toEqual({ type: 'paragraph', text: 'Le texte ajouté' });
    const plain = await parseDocx(await declarationDocx());
    expect(plain.ok && plain.warnings).toEqual([]);
  });

  it('refuses what is not a Word document, and an archive that would inflate past the limit', async () => {
    expect(await parseDocx(new TextEncoder().encode('plain text'))).toMatchObject({ ok: false, code: 'unreadable_docx' });
    const notWord = new JSZip();
    notWord.file('hello.txt', 'hello');
    expect(await parseDocx(await notWord.generateAsync({ type: 'uint8array' }))).toMatchObject({ ok: false, code: 'unreadable_docx' });
    // A zip bomb: a small archive whose directory declares 60 MB once inflated (the size field of
    // its central-directory entry, which is what inflating libraries trust).
    const bomb = new JSZip();
    bomb.file('word/document.xml', '0'.repeat(1024));
    const bytes = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entry = bytes.findIndex((_, i) => i + 4 <= bytes.length && view.getUint32(i, true) === 0x02014b50);
    view.setUint32(entry + 24, 60 * 1024 * 1024, true);
    expect(await parseDocx(bytes)).toMatchObject({ ok: false, code: 'docx_too_large' });
  });
});
