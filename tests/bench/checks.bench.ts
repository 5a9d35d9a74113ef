/**
 * What the review costs (docs/review-checks.md): a full check of a generated bilingual declaration
 * of 30 sections and about 60 KB of text (UTF-8, both languages), cold — a new checker, as the
 * REST endpoint's first call — and the re-check after one keystroke with a warm checker, as the
 * editor's panel does it (only the changed segment is read again). The text is the Shizuoka 2024
 * declaration and our Japanese translation, repeated with fresh segment ids and seeded figures.
 */
import type { DeclarationJson, SectionJson } from '@accord/model/readDeclaration';
import { checkDeclaration, ReviewChecker } from '@accord/checks/ReviewChecker';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { shizuokaDeclaration } from '../../packages/checks/test/shizuokaDeclaration';
import { seededRandom } from '../support/seededRandom';
import { formatMs, percentile } from './percentiles';

const SECTIONS = 30;
const TARGET_BYTES = 60_000;

/** 30 sections filled passage by passage from the Shizuoka pairs, until the text weighs 60 KB. */
export function generatedDeclaration(seed = 14): DeclarationJson {
  const random = seededRandom(seed);
  const source = shizuokaDeclaration();
  const pairs = source.sections.flatMap((s) => s.segments);
  const sections: SectionJson[] = Array.from({ length: SECTIONS }, (_, i) => ({
    id: `section-${i}`,
    kind: 'other',
    title: { fr: `Section ${i + 1}`, ja: `第${i + 1}節` },
    segments: [],
  }));
  let bytes = 0;
  for (let n = 0; bytes < TARGET_BYTES; n++) {
    const pair = pairs[n % pairs.length]!;
    // A figure of its own in each passage, the same on both sides: something for the rules to read.
    const figure = 10 + Math.floor(random() * 990);
    const fr = `${pair.fr} (${figure} participants)`;
    const ja = `${pair.ja}（参加者${figure}名）`;
    sections[n % SECTIONS]!.segments.push({ sid: `g${n}`, fr, ja });
    bytes += Buffer.byteLength(fr) + Buffer.byteLength(ja);
  }
  return { meta: source.meta, sections };
}

export async function main(runs = 60, keystrokes = 400): Promise<void> {
  const declaration = generatedDeclaration();
  const bytes = declaration.sections.reduce((sum, s) => sum + s.segments.reduce((n, g) => n + Buffer.byteLength(g.fr) + Buffer.byteLength(g.ja), 0), 0);
  const segments = declaration.sections.reduce((n, s) => n + s.segments.length, 0);
  const glossary = [{ id: 'g', fr: 'coopération décentralisée', ja: '自治体間協力' }];

  const full: number[] = [];
  let findings = 0;
  // A few runs first, so the figures measure the checks rather than the JIT compiling them.
  for (let i = 0; i < 5; i++) checkDeclaration(declaration, glossary);
  // CPU time too: on a host shared with other work, wall time also counts the waits for a core.
  const fullCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    findings = checkDeclaration(declaration, glossary).length;
    full.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    fullCpu.push((used.user + used.system) / 1000);
  }

  // One keystroke after another in one Japanese passage, each followed by a re-check.
  const checker = new ReviewChecker();
  checker.check(declaration, glossary);
  const section = declaration.sections[7]!;
  const segment = section.segments[1]!;
  const original = segment.ja;
  const typed = 'さらに交流を深める。';
  const keystroke: number[] = [];
  const keystrokeCpu: number[] = [];
  let analysed = 0;
  for (let i = 0; i < keystrokes; i++) {
    const text = `${original}${typed.slice(0, (i % typed.length) + 1)}`;
    // What the live store hands over: the declaration with that one section's segments read again.
    const next: DeclarationJson = {
      meta: declaration.meta,
      sections: declaration.sections.map((s) => (s === section ? { ...s, segments: s.segments.map((g) => (g === segment ? { ...g, ja: text } : g)) } : s)),
    };
    const cpu = process.cpuUsage();
    const start = performance.now();
    checker.check(next, glossary);
    keystroke.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    keystrokeCpu.push((used.user + used.system) / 1000);
    analysed = Math.max(analysed, checker.lastAnalysed);
  }

  console.log('## Review checks (Relecture, docs/review-checks.md)');
  // The machine's load matters on a shared host: printed so the figures can be read with it.
  console.log(`load average while measuring: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`);
  console.log(`declaration: ${SECTIONS} sections, ${segments} passages, ${(bytes / 1000).toFixed(1)} KB of text (UTF-8, FR + JA); ${findings} findings`);
  console.log(`full check, cold (${runs} runs): median ${formatMs(percentile(full, 50))}, p95 ${formatMs(percentile(full, 95))} (target < 50 ms); CPU time median ${formatMs(percentile(fullCpu, 50))}, p95 ${formatMs(percentile(fullCpu, 95))}`);
  console.log(`re-check after one keystroke (${keystrokes} keystrokes, ≤ ${analysed} passage re-read): median ${formatMs(percentile(keystroke, 50))}, p95 ${formatMs(percentile(keystroke, 95))} (target median < 2 ms); CPU time median ${formatMs(percentile(keystrokeCpu, 50))}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
