/**
 * The print view's style sheet. On paper: A4, margins for the footer, Liberation Serif (Times
 * metrics) for French and Noto Serif CJK JP for Japanese, selected by `lang` so a kanji never takes
 * a Chinese shape. On screen the same page sits on a grey desk, and narrows on a phone.
 */
export const PRINT_CSS = `
@page { size: A4; margin: 22mm 18mm 24mm 18mm;
  @bottom-left { font: 7.5pt "Noto Sans CJK JP", "Liberation Sans", sans-serif; color: #444; }
  @bottom-right { font: 7.5pt "Noto Sans CJK JP", "Liberation Sans", sans-serif; color: #444; width: 24mm; text-align: right; white-space: nowrap; }
  @top-right { font: bold 9pt "Noto Sans CJK JP", "Liberation Sans", sans-serif; color: #a11; letter-spacing: 0.1em; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-size: 11pt; line-height: 1.5; color: #111; }
:lang(fr) { font-family: "Liberation Serif", "Times New Roman", "DejaVu Serif", "Noto Serif CJK JP", serif; hyphens: auto; }
:lang(ja) { font-family: "Noto Serif CJK JP", "Yu Mincho", "Hiragino Mincho ProN", serif; line-break: strict; hyphens: none; }
h1, h2, h3, h4, h5, h6 { font-weight: bold; line-height: 1.3; break-after: avoid; }
h1:lang(ja), h2 :lang(ja), h2:lang(ja) { font-family: "Noto Sans CJK JP", sans-serif; }
.cover { text-align: center; margin: 0 0 10mm; }
h1 { font-size: 18pt; margin: 0 0 3mm; }
h2 { font-size: 13pt; margin: 7mm 0 2.5mm; }
h3, h4, h5, h6 { font-size: 11.5pt; margin: 4mm 0 1.5mm; }
p { margin: 0 0 2.5mm; text-align: justify; }
p:lang(ja) { text-align: justify; text-justify: inter-character; }
ul, ol { margin: 0 0 2.5mm; padding-left: 8mm; }
li > p { margin-bottom: 1mm; }
sup { font-size: 0.7em; line-height: 0; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; word-break: break-all; }
.draft-banner { border: 1.5pt solid #a11; color: #a11; text-align: center; font-weight: bold; padding: 2mm; margin: 0 0 6mm; }
.draft-banner p { margin: 0; text-align: center; }
table { border-collapse: collapse; width: 100%; }
.content-table { margin: 2mm 0 4mm; table-layout: fixed; }
.content-table th, .content-table td { border: 0.6pt solid #555; padding: 1.2mm 2mm; vertical-align: top; overflow-wrap: anywhere; }
.content-table th { background: #eee; }
.content-table p { text-align: left; margin: 0; }
.bilingual { table-layout: fixed; margin: 0 0 4mm; }
.bilingual col { width: 50%; }
.bilingual > tbody > tr { break-inside: avoid; }
.bilingual > tbody > tr > td { vertical-align: top; padding: 1mm 3mm 1mm 0; overflow-wrap: anywhere; }
.bilingual > tbody > tr > td + td { padding: 1mm 0 1mm 3mm; border-left: 0.6pt solid #bbb; }
.bilingual .section-title th { text-align: left; border-bottom: 0.8pt solid #333; padding: 0; }
.bilingual .section-title h2 { display: flex; justify-content: space-between; gap: 4mm; flex-wrap: wrap; }
.bilingual p { text-align: left; }
.bilingual .unit-heading { font-weight: bold; margin-top: 2mm; }
.bilingual .unit-item { display: flex; gap: 1.5mm; }
.bilingual .unit-item .marker { flex: none; min-width: 4mm; }
.bilingual .depth-1 { padding-left: 3mm; } .bilingual .depth-2 { padding-left: 7mm; } .bilingual .depth-3, .bilingual .depth-4 { padding-left: 11mm; }
.untranslated { background: #fff3cd; }
.untranslated-mark { color: #8a5a00; font-style: italic; }
.signatures { display: flex; gap: 12mm; margin-top: 14mm; break-inside: avoid; }
.signature { flex: 1; }
.signature p { margin: 0 0 1mm; text-align: left; }
.signature-side { font-size: 9.5pt; color: #444; }
.signature-office { font-weight: bold; }
.signature-line { border-bottom: 0.6pt solid #111; height: 22mm; margin-top: 2mm; }
.commented { background: #fff1b8; color: inherit; }
.comment-ref { font-family: "Liberation Sans", "Noto Sans CJK JP", sans-serif; font-size: 0.75em; font-weight: bold; color: #7a4d00; margin-left: 0.1em; }
.comment-ref a { color: inherit; text-decoration: none; }
.comment-notes { margin: 2mm 0 6mm; padding: 2mm 3mm; border-left: 1.5pt solid #d9a400; background: #fffaf0; font-size: 9pt; break-inside: auto; }
.comment-notes h3 { font-size: 9.5pt; margin: 0 0 1.5mm; }
.comment-notes ol { margin: 0; padding-left: 6mm; }
.comment-notes li { margin: 0 0 2mm; break-inside: avoid; }
.comment-notes p { text-align: left; margin: 0 0 1mm; }
.comment-quote span:first-child { font-style: italic; }
.comment-where, .comment-meta span, .comment-resolved { color: #555; }
.comment-body { white-space: pre-wrap; overflow-wrap: anywhere; }
.comment--resolved .comment-quote, .comment--resolved .comment-message { color: #555; }
.colophon { margin-top: 12mm; padding-top: 3mm; border-top: 0.6pt solid #888; font-size: 8.5pt; color: #333; break-inside: avoid; }
.colophon p { text-align: left; margin-bottom: 2mm; }
@media screen {
  html { background: #e6e4df; }
  body { max-width: 210mm; margin: 24px auto; padding: 20mm 18mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.18); }
}
@media screen and (max-width: 640px) {
  body { margin: 0; padding: 16px 12px; box-shadow: none; font-size: 15px; }
  .signatures { flex-direction: column; gap: 6mm; }
}
`;
