/**
 * Alignment quality and speed of the import (issue 15, docs/import.md). The French text is the
 * Shizuoka 2024 declaration (`../shared/seeds`), the Japanese one our own faithful translation of
 * it, block for block (`fixtures/shizuoka-2024.ja.md`); the Japanese side then loses one paragraph
 * and has two others joined, as translators do. A pair is « aligned as a person would » when the
 * preview pairs exactly the blocks that translate each other: each French block with its own
 * translation, the dropped one alone, the two joined ones together with the joined paragraph.
 * Printed: the share of such pairs (target ≥ 98 %), and the time from two Markdown texts to the
 * preview for a pair of more than 60 KB (target < 200 ms).
 */
import { buildPreview } from '@accord/import/buildPreview';
import type { ImportBlock, ParsedText } from '@accord/import/ImportBlock';
import { plainInline } from '@accord/import/inlineText';
import { parseMarkdown } from '@accord/import/parseMarkdown';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const SEED = fileURLToPath(new URL('../../../shared/seeds/002_08bef9b35709208c.txt', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/shizuoka-2024.ja.md', import.meta.url));
/** The Japanese block the translator left out (a context paragraph) and the first of the two she joined (the plenary's two panels). */
const DROPPED = 8;
const JOINED = 20;

export interface AlignmentScore {
  expected: number;
  correct: number;
  share: number;
  wrong: string[];
}

/** Scores the preview of `fr` and `ja` (ja: block i translates fr block i) after dropping and joining. */
export function scoreAlignment(fr: ParsedText, ja: ParsedText, dropped: number | null, joined: number | null): AlignmentScore {
  const textOf = (b: ImportBlock) => ('text' in b ? b.text : b.rows.map((r) => r.join('\t')).join('\n'));
  const blocks: ImportBlock[] = [];
  const origin: number[][] = [];
  ja.blocks.forEach((b, i) => {
    if (i === dropped) return;
    if (joined !== null && i === joined + 1) return;
    if (i === joined) {
      blocks.push({ type: 'paragraph', text: `${textOf(b)}${textOf(ja.blocks[i + 1]!)}` });
      origin.push([i, i + 1]);
    } else {
      blocks.push(b);
      origin.push([i]);
    }
  });
  const preview = buildPreview({ fr, ja: { blocks, warnings: [] } });
  const frIndex = new Map(fr.blocks.map((b, i) => [textOf(b), i]));
  const jaIndex = new Map(blocks.map((b, i) => [textOf(b), i]));
  // What a person pairs: the key of each expected pair is "French indices | Japanese origins".
  const expected = new Set<string>();
  fr.blocks.forEach((_, i) => {
    if (i === dropped) expected.add(`${i}|`);
    else if (joined !== null && i === joined) expected.add(`${i},${i + 1}|${i},${i + 1}`);
    else if (joined === null || i !== joined + 1) expected.add(`${i}|${i}`);
  });
  // The document title becomes the metadata title on both sides: it is no pair.
  const title = fr.blocks.findIndex((b) => b.type === 'heading' && textOf(b).includes('Déclaration de Shizuoka'));
  expected.delete(`${title}|${title}`);
  let correct = 0;
  const wrong: string[] = [];
  // A heading that starts a section becomes its title: the titles of both sides are its pair.
  const frTitle = new Map(fr.blocks.map((b, i) => [plainInline(textOf(b)), i]));
  const jaTitle = new Map(blocks.map((b, i) => [plainInline(textOf(b)), i]));
  for (const section of preview.sections) {
    const f = frTitle.get(section.title.fr);
    const j = jaTitle.get(section.title.ja);
    if (f !== undefined && j !== undefined && fr.blocks[f]!.type === 'heading') {
      const key = `${f}|${origin[j]!.join(',')}`;
      if (expected.has(key)) correct++;
      else wrong.push(`${key} (title of ${section.kind})`);
    }
    for (const pair of section.pairs) {
      const frs = pair.fr === '' ? [] : pair.fr.split('\n').map((t) => frIndex.get(t) ?? -1);
      const jas = pair.ja === '' ? [] : pair.ja.split('\n').flatMap((t) => origin[jaIndex.get(t) ?? -1] ?? [-1]);
      const key = `${frs.join(',')}|${jas.join(',')}`;
      if (expected.has(key)) correct++;
      else wrong.push(`${key} (${section.kind}: ${pair.fr.slice(0, 30)} | ${pair.ja.slice(0, 15)})`);
    }
  }
  return { expected: expected.size, correct, share: correct / expected.size, wrong };
}

export function loadBilingual(): { fr: ParsedText; ja: ParsedText; frText: string; jaText: string } {
  const frText = readFileSync(SEED, 'utf8');
  const jaText = readFileSync(FIXTURE, 'utf8');
  return { fr: parseMarkdown(frText), ja: parseMarkdown(jaText), frText, jaText };
}

export async function main(): Promise<void> {
  console.log('## Import: FR↔JA alignment');
  const { fr, ja, frText, jaText } = loadBilingual();
  if (fr.blocks.length !== ja.blocks.length) throw new Error(`the fixture must translate block for block: ${fr.blocks.length} FR, ${ja.blocks.length} JA blocks`);
  for (const [name, dropped, joined] of [
    ['faithful translation', null, null],
    ['one paragraph dropped, two joined', DROPPED, JOINED],
  ] as const) {
    const score = scoreAlignment(fr, ja, dropped, joined);
    console.log(`${name}: ${score.correct}/${score.expected} pairs aligned as a person would (${(score.share * 100).toFixed(1)} %, target ≥ 98 %)`);
    for (const w of score.wrong) console.log(`  wrong: ${w}`);
  }
  // A 60 KB pair: the two texts repeated until French and Japanese together weigh 60 KB or more.
  const repeat = Math.ceil((60 * 1024) / (Buffer.byteLength(frText) + Buffer.byteLength(jaText)));
  const bigFr = Array.from({ length: repeat }, () => frText).join('\n\n');
  const bigJa = Array.from({ length: repeat }, () => jaText).join('\n\n');
  const parseTimes: number[] = [];
  const alignTimes: number[] = [];
  const alignCpu: number[] = [];
  for (let run = 0; run < 9; run++) {
    const start = performance.now();
    const texts = { fr: parseMarkdown(bigFr), ja: parseMarkdown(bigJa) };
    const parsed = performance.now();
    // CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
    const cpu = process.cpuUsage();
    buildPreview(texts);
    const used = process.cpuUsage(cpu);
    alignTimes.push(performance.now() - parsed);
    alignCpu.push((used.user + used.system) / 1000);
    parseTimes.push(parsed - start);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const kb = (Buffer.byteLength(bigFr) + Buffer.byteLength(bigJa)) / 1024;
  console.log(
    `a ${kb.toFixed(0)} KB pair (FR + JA): sections detected and aligned in ${median(alignTimes).toFixed(0)} ms wall, ${median(alignCpu).toFixed(0)} ms CPU (medians of 9, target < 200 ms); Markdown parsing before it ${median(parseTimes).toFixed(0)} ms wall`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
