/**
 * What the write check costs per update (docs/access-and-workflow.md A6–A14): a recorded editing
 * trace replayed keystroke by keystroke by a rapporteur into her own section, each update checked
 * against the server's document as it grows, then applied. Printed per update: today's check
 * (`planIntegration` + `checkUpdate`), the check before issue 12 (reference/changeTargets.ts,
 * placement from declared parents only), and `Y.applyUpdate` of the same update — the ratios are
 * measured in the same run, on the same updates.
 */
import { createDeclaration, DEMO_DECLARATION } from '@accord/model/createDeclaration';
import { getFragment } from '@accord/model/declarationLayout';
import { mayChange } from '@accord/permissions/mayWrite';
import { planIntegration } from '@accord/permissions/planIntegration';
import type { Principal } from '@accord/server/access/Principal';
import { ownerOf } from '@accord/server/sync/ClientIds';
import { checkUpdate } from '@accord/server/sync/checkUpdate';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { loadTrace } from './loadTrace';
import { changeTargets } from './reference/changeTargets';

const RAPPORTEUR: Principal = { role: 'rapporteur', sections: ['workshop-1'], memberId: 'bench', name: 'Hanako', language: 'fr' };

export async function main(maxUpdates = 20_000): Promise<void> {
  const trace = loadTrace('seph-blog1.json.gz');
  const server = new Y.Doc();
  createDeclaration(server, DEMO_DECLARATION);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('sid', 'bench-trace');
  const text = new Y.XmlText(trace.startContent);
  paragraph.insert(0, [text]);
  getFragment(client, 'workshop-1', 'fr').insert(0, [paragraph]);
  for (const txn of trace.txns) {
    if (updates.length >= maxUpdates) break;
    client.transact(() => {
      for (const { pos, deleted, inserted } of txn) {
        if (deleted > 0) text.delete(pos, deleted);
        if (inserted) text.insert(pos, inserted);
      }
    });
  }

  const me = ownerOf(RAPPORTEUR);
  const context = { adopted: false, sectionOfSegment: () => null };
  let today = 0;
  let before = 0;
  let apply = 0;
  const checkToday = (update: Uint8Array) => {
    const t = performance.now();
    const verdict = checkUpdate(server, RAPPORTEUR, planIntegration(server, update), () => me);
    today += performance.now() - t;
    if (verdict.kind !== 'apply') throw new Error(`the bench's honest update was not accepted: ${JSON.stringify(verdict)}`);
  };
  const checkBefore = (update: Uint8Array) => {
    const t = performance.now();
    const decision = mayChange(RAPPORTEUR, changeTargets(server, update), context);
    before += performance.now() - t;
    if (!decision.ok) throw new Error('the reference check refused the bench’s update');
  };
  for (const [i, update] of updates.entries()) {
    // Whichever runs first on an update pays for reading it cold: take turns.
    if (i % 2 === 0) {
      checkToday(update);
      checkBefore(update);
    } else {
      checkBefore(update);
      checkToday(update);
    }
    const t = performance.now();
    Y.applyUpdate(server, update);
    apply += performance.now() - t;
  }
  const us = (ms: number) => `${((ms * 1000) / updates.length).toFixed(1)} µs`;
  console.log(`## Write check per update (${updates.length} keystroke updates of ${trace.name}, a rapporteur in her own section)`);
  console.log(`- today's check (planIntegration + checkUpdate): ${us(today)}`);
  console.log(`- the check before issue 12 (declared parents only): ${us(before)}`);
  console.log(`- Y.applyUpdate of the same update: ${us(apply)}`);
  console.log(`- ratio today / before: ${(today / before).toFixed(2)}; today / apply: ${(today / apply).toFixed(2)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
