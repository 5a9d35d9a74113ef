/**
 * « What changed since my last visit » (C9): a 60 KB declaration, a member's visit marked when
 * they leave, 200 passages changed by others, then the report the member's return asks for —
 * reading the marked version, the live text, and the word-level FR/JA diff between them — timed
 * as the server spends it (target: under 100 ms).
 */
import { createDeclaration, DEMO_DECLARATION } from '@accord/model/createDeclaration';
import { getFragment } from '@accord/model/declarationLayout';
import { readDeclaration } from '@accord/model/readDeclaration';
import { DEFAULT_HUB_OPTIONS } from '@accord/server/createApp';
import { silentLogger } from '@accord/server/Logger';
import { SqliteStore } from '@accord/server/storage/SqliteStore';
import { DocumentHub } from '@accord/server/sync/DocumentHub';
import { VisitService } from '@accord/server/talk/VisitService';
import { VersionService } from '@accord/server/versions/VersionService';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { seededRandom } from '../support/seededRandom';
import { CheckpointScheduler, DEFAULT_CHECKPOINT_TIMING } from '@accord/server/versions/CheckpointScheduler';
import { formatMs, percentile } from './percentiles';

const SECTIONS = ['preamble', 'context', 'theme', 'plenary', 'conclusion', 'closing'];
const FR = 'Les collectivités locales françaises et japonaises s’engagent à renforcer leur coopération décentralisée, ';
const JA = '日仏の地方自治体は、分権型協力を一層強化し、市民の主体的な参加を促進することを約束する。';
const member = { memberId: 'm-bench', name: 'Kenji', role: 'committee-ja' as const, sections: [], language: 'ja' };

export async function main(targetBytes = 60 * 1024, changed = 200): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'accord-bench-visit-')), 'accord.sqlite');
  const store = new SqliteStore(file);
  const hub = new DocumentHub(store, { ...DEFAULT_HUB_OPTIONS, unloadAfterMs: 60_000 }, silentLogger);
  const versions = new VersionService(store, hub);
  const visits = new VisitService(store.talk, hub, versions, new CheckpointScheduler(versions, DEFAULT_CHECKPOINT_TIMING, silentLogger), () => new Date());
  const seed = new Y.Doc();
  createDeclaration(seed, DEMO_DECLARATION);
  await store.createDeclaration({ id: 'bench', title: DEMO_DECLARATION.title }, Y.encodeStateAsUpdate(seed));
  const room = (await hub.acquire('bench'))!;

  // Fill the sections with paragraph pairs until the plain text weighs `targetBytes`.
  const size = () => room.read((doc) => new TextEncoder().encode(JSON.stringify(readDeclaration(doc))).length);
  let n = 0;
  while ((await size()) < targetBytes) {
    await room.change((doc) => {
      for (let i = 0; i < 20; i++, n++) {
        const section = SECTIONS[n % SECTIONS.length]!;
        for (const [lang, text] of [['fr', `${FR}${n}.`], ['ja', `${JA}（${n}）`]] as const) {
          const p = new Y.XmlElement('paragraph');
          p.setAttribute('sid', `sbench${n}`);
          const run = new Y.XmlText();
          run.insert(0, text);
          p.insert(0, [run]);
          const fragment = getFragment(doc, section, lang);
          fragment.insert(fragment.length, [p]);
        }
      }
    });
  }
  const bytes = await size();
  await visits.left('bench', member);

  // Others change `changed` passages, in one language or both, a few words each.
  const random = seededRandom(17);
  const picked = new Set<number>();
  while (picked.size < changed) picked.add(Math.floor(random() * n));
  await room.change((doc) => {
    for (const k of picked) {
      const section = SECTIONS[k % SECTIONS.length]!;
      for (const lang of random() < 0.5 ? (['fr', 'ja'] as const) : random() < 0.5 ? (['fr'] as const) : (['ja'] as const)) {
        const p = getFragment(doc, section, lang)
          .toArray()
          .find((node) => node instanceof Y.XmlElement && node.getAttribute('sid') === `sbench${k}`) as Y.XmlElement;
        const run = p.get(0) as Y.XmlText;
        if (lang === 'fr') run.insert(10, 'et régionales ');
        else run.insert(5, '及び広域');
      }
    }
  });

  const samples: number[] = [];
  // The first report after the changes meets nothing remembered: the version's text is read from
  // the store, every changed text tokenised. The next ones are what a member reopening the view meets.
  const first = performance.now();
  let report = await visits.report('bench', member);
  const cold = performance.now() - first;
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    report = await visits.report('bench', member);
    samples.push(performance.now() - t);
  }
  const json = new TextEncoder().encode(JSON.stringify(report)).length;
  console.log(`since my last visit: ${(bytes / 1024).toFixed(1)} KB declaration (${n} passage pairs), ${changed} passages changed, SQLite`);
  console.log(`  first report (nothing remembered yet): ${formatMs(cold)} server time`);
  console.log(`  report (marked version + live text + FR/JA word diff): median ${formatMs(percentile(samples, 50))}, p95 ${formatMs(percentile(samples, 95))} server time (target < 100 ms)`);
  console.log(`  ${report!.changedPassages} passages reported, answer ${(json / 1024).toFixed(1)} KiB of JSON`);
  if (report!.changedPassages !== changed) throw new Error(`expected ${changed} changed passages, the report says ${report!.changedPassages}`);
  hub.release(room);
  await hub.close();
  await store.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
