/**
 * Replays a real editing trace through a server: one writer client applies the trace keystroke
 * by keystroke (one Yjs transaction per recorded txn) into a paragraph of one section fragment of
 * a declaration, and a second client observes. Every server that speaks Yjs sync — Accord or a
 * reference — is driven the same way, through `connectBenchClient`.
 *
 * Pipelining: waiting for each keystroke to reach the observer before sending the next would
 * measure one round trip per keystroke (seph-blog1 has 137 k of them: minutes per server, and a
 * figure about loopback, not the server). Recorded typing is not paced either — the trace's own
 * timestamps span months. So the writer sends without waiting but keeps at most `window`
 * keystrokes in flight (sent, not yet seen by the observer), as a fast typist on a slow link
 * would, and the server is kept busy without an unbounded queue. The latency of a keystroke is
 * then from its transaction to the observer's, queueing behind at most `window - 1` others
 * included: a figure under sustained load, comparable across servers because the window is the same.
 */
import { performance } from 'node:perf_hooks';
import { createDeclaration } from '@accord/model/createDeclaration';
import { getFragment, getSections } from '@accord/model/declarationLayout';
import { newSid } from '@accord/model/newSid';
import * as Y from 'yjs';
import { waitForDoc } from '../support/yClient';
import { type ClientKind, connectBenchClient } from './benchClient';
import type { Trace } from './loadTrace';
import { percentile } from './percentiles';
import { processUsage } from './processUsage';
import { TRACE_SECTION, traceText } from './traceText';

export interface ReplayTarget {
  kind: ClientKind;
  url: string;
  room: string;
  /** The room is empty (a reference server): the writer writes the declaration template into it first. */
  seed: boolean;
  /** The server process, for its CPU time and peak memory. */
  pid: number;
}

export interface ReplayResult {
  /** Keystrokes (recorded txns that changed the text) replayed. */
  keystrokes: number;
  /** From the first keystroke sent to the observer holding the last one. */
  seconds: number;
  /** When the observer held the last keystroke (`performance.now()`), and the server's CPU seconds then. */
  converged: { at: number; cpuSeconds: number };
  keystrokesPerSecond: number;
  /** Writer's keystroke to the observer's matching transaction, ms. */
  p50: number;
  p99: number;
  max: number;
  /** The trace paragraph's segment id, to find the text again when reading the storage back. */
  sid: string;
  /** The observer's document encoded (`Y.encodeStateAsUpdate`): the CRDT's own size, for scale. */
  stateBytes: number;
  /** Server CPU seconds per second of replay, and its peak resident memory (MiB). */
  server: { cpu: number; peakMiB: number };
  /**
   * CPU seconds per second of this process (writer and observer, and their client library): on two
   * cores, a low server figure with a high one here means the clients set the pace.
   */
  clientsCpu: number;
}

/** A replay that stops making progress for this long has lost its connection: fail, do not hang. */
const STALL_MS = 30_000;

export async function replayTrace(target: ReplayTarget, trace: Trace, { window }: { window: number }): Promise<ReplayResult> {
  const writer = connectBenchClient(target.kind, target.url, target.room);
  const observer = connectBenchClient(target.kind, target.url, target.room);
  try {
    await Promise.all([writer.synced(), observer.synced()]);
    if (target.seed) createDeclaration(writer.doc, { title: { fr: 'Relecture d’une trace', ja: '編集履歴の再生' } });
    await waitForDoc(writer.doc, (doc) => getSections(doc).length > 0);

    // The trace gets a paragraph of its own at the end of the section, as a new segment would.
    const sid = newSid();
    const text = new Y.XmlText();
    writer.doc.transact(() => {
      const fragment = getFragment(writer.doc, TRACE_SECTION.id, TRACE_SECTION.lang);
      const paragraph = new Y.XmlElement('paragraph');
      fragment.insert(fragment.length, [paragraph]);
      paragraph.setAttribute('sid', sid);
      paragraph.insert(0, [text]);
      text.insert(0, trace.startContent);
    });
    await waitForDoc(observer.doc, (doc) => traceText(doc, sid) === trace.startContent);

    // A keystroke has reached the observer once the observer holds the writer's clock after it
    // (its insertions) and as many deleted characters (a deletion adds no clock, only a delete
    // set). Both only grow, so keystrokes arrive in order and one cursor walks them.
    const writerId = writer.doc.clientID;
    const deletedIn = (tr: Y.Transaction) => {
      let n = 0;
      for (const items of tr.deleteSet.clients.values()) for (const item of items) n += item.len;
      return n;
    };
    let writerDeleted = 0;
    writer.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) writerDeleted += deletedIn(tr);
    });
    const sentAt: number[] = [];
    const clockAfter: number[] = [];
    const deletedAfter: number[] = [];
    const samples: number[] = [];
    let observed = 0;
    let observerDeleted = 0;
    let progress: () => void = () => {};
    observer.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) return;
      observerDeleted += deletedIn(tr);
      const clock = Y.getState(observer.doc.store, writerId);
      const now = performance.now();
      while (observed < sentAt.length && clockAfter[observed]! <= clock && deletedAfter[observed]! <= observerDeleted) {
        samples.push(now - sentAt[observed]!);
        observed++;
      }
      progress();
    });
    let stalled: (error: Error) => void = () => {};
    const stall = new Promise<never>((_, reject) => (stalled = reject));
    let watchdog: NodeJS.Timeout | undefined;
    const nextProgress = () =>
      Promise.race([
        new Promise<void>((resolve) => {
          progress = resolve;
          clearTimeout(watchdog);
          watchdog = setTimeout(
            () => stalled(new Error(`${target.kind} replay of ${trace.name} stalled at keystroke ${observed} of ${sentAt.length}`)),
            STALL_MS,
          );
        }),
        stall,
      ]);

    const before = processUsage(target.pid);
    const clientsBefore = process.cpuUsage();
    const started = performance.now();
    let lastClock = Y.getState(writer.doc.store, writerId);
    let lastDeleted = writerDeleted;
    try {
      for (const txn of trace.txns) {
        while (sentAt.length - observed >= window) await nextProgress();
        const at = performance.now();
        writer.doc.transact(() => {
          for (const { pos, deleted, inserted } of txn) {
            if (deleted > 0) text.delete(pos, deleted);
            if (inserted !== '') text.insert(pos, inserted);
          }
        });
        const clock = Y.getState(writer.doc.store, writerId);
        // A recorded txn that changed nothing sends nothing: it has no arrival to wait for.
        if (clock === lastClock && writerDeleted === lastDeleted) continue;
        sentAt.push(at);
        clockAfter.push(clock);
        deletedAfter.push(writerDeleted);
        lastClock = clock;
        lastDeleted = writerDeleted;
      }
      while (observed < sentAt.length) await nextProgress();
    } finally {
      clearTimeout(watchdog);
    }
    const convergedAt = performance.now();
    const seconds = (convergedAt - started) / 1000;
    const after = processUsage(target.pid);
    const clients = process.cpuUsage(clientsBefore);

    const written = traceText(writer.doc, sid);
    if (written !== trace.endContent) throw new Error(`${trace.name}: the writer's text is not the trace's endContent: ${describeDifference(written, trace.endContent)}`);
    const seen = traceText(observer.doc, sid);
    if (seen !== trace.endContent) {
      throw new Error(`${trace.name} via ${target.kind}: the observer did not converge to endContent: ${describeDifference(seen, trace.endContent)}`);
    }
    return {
      keystrokes: sentAt.length,
      seconds,
      converged: { at: convergedAt, cpuSeconds: after.cpuSeconds },
      keystrokesPerSecond: sentAt.length / seconds,
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      max: samples.reduce((a, b) => Math.max(a, b), 0),
      sid,
      stateBytes: Y.encodeStateAsUpdate(observer.doc).length,
      server: { cpu: (after.cpuSeconds - before.cpuSeconds) / seconds, peakMiB: after.peakMiB },
      clientsCpu: (clients.user + clients.system) / 1e6 / seconds,
    };
  } finally {
    writer.destroy();
    observer.destroy();
  }
}

function describeDifference(actual: string | null, expected: string): string {
  if (actual === null) return 'the trace paragraph is missing';
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  return `${actual.length} characters instead of ${expected.length}, first difference at ${at}`;
}
