/**
 * Rooms in memory and the update log, seen from inside: the app is built from its dependencies
 * and served on port 0 in the test process, with real y-websocket clients.
 */
import Database from 'better-sqlite3';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeclarationViaApi, getJson } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { failingStore } from '../support/failingStore';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { connectClient, nextClose, synced, waitForDoc, type YClient } from '../support/yClient';

let running: InProcessAccord[] = [];
let clients: YClient[] = [];
afterEach(async () => {
  clients.forEach((c) => c.destroy());
  clients = [];
  await Promise.all(running.map((r) => r.close()));
  running = [];
});

async function start(options: Parameters<typeof startInProcess>[0]) {
  const accord = await startInProcess(options);
  running.push(accord);
  return accord;
}
function client(accord: InProcessAccord, id: string) {
  const c = connectClient(accord.collabUrl, id);
  clients.push(c);
  return c;
}
/**
 * Types `text` at the end of the conclusion's second paragraph and waits until `reader` has it:
 * one edit per update in the log, not a group (S16).
 */
async function typeRelayed(writer: YClient, reader: YClient, text: string): Promise<void> {
  typeAtEnd(writer.doc, 'conclusion', 'fr', text, 1);
  const typed = segmentText(writer.doc, 'conclusion', 'fr', 1);
  await waitForDoc(reader.doc, (doc) => segmentText(doc, 'conclusion', 'fr', 1) === typed);
}

describe('memory (rule S8)', () => {
  it('unloads a declaration once its last connection is gone, and reloads it intact', async () => {
    const accord = await start({ hub: { unloadAfterMs: 0 } });
    const id = await createDeclarationViaApi(accord.url);
    const a = client(accord, id);
    await synced(a);
    typeAtEnd(a.doc, 'preamble', 'ja', '追記');
    const b = client(accord, id);
    await waitForDoc(b.doc, (doc) => segmentText(doc, 'preamble', 'ja').endsWith('追記'));
    expect(accord.accord.hub.loadedCount).toBe(1);
    const unloaded = once(accord.accord.hub, 'unloaded');
    a.destroy();
    b.destroy();
    expect(await unloaded).toEqual([id]);
    expect(accord.accord.hub.loadedCount).toBe(0);
    const json = await getJson(`${accord.url}/api/declarations/${id}`);
    expect(JSON.stringify(json.body)).toContain('追記');
  });
});

describe('compaction (rule S3)', () => {
  it('folds the update log into a snapshot in the background without losing an edit', async () => {
    // By count alone: 35 keystrokes never weigh half the template's snapshot.
    const accord = await start({ hub: { compactAfterUpdates: 10, compactAtLogFraction: 0, unloadAfterMs: 60_000 } });
    const id = await createDeclarationViaApi(accord.url);
    const writer = client(accord, id);
    const reader = client(accord, id);
    await Promise.all([synced(writer), synced(reader)]);
    const db = new Database(accord.dbFile, { readonly: true });
    const logLength = () => (db.prepare('SELECT count(*) AS n FROM updates').get() as { n: number }).n;
    const compacted = once(accord.accord.hub, 'compacted');
    for (let i = 0; i < 35; i++) await typeRelayed(writer, reader, ` ${i}`);
    const expected = segmentText(writer.doc, 'conclusion', 'fr', 1);
    await compacted;
    // Compaction runs off the sync path, batch after batch, until fewer than 10 updates are left.
    while (logLength() >= 10) await once(accord.accord.hub, 'compacted');
    const snapshot = db.prepare('SELECT through_seq FROM snapshots WHERE declaration_id = ?').get(id) as { through_seq: number };
    expect(snapshot.through_seq).toBeGreaterThanOrEqual(26);
    db.close();
    await accord.accord.close();
    const fresh = await start({ dbFile: accord.dbFile, hub: { unloadAfterMs: 0 } });
    const json = await getJson(`${fresh.url}/api/declarations/${id}`);
    const conclusion = (json.body as { sections: Array<{ id: string; segments: Array<{ fr: string }> }> }).sections.find((s) => s.id === 'conclusion');
    expect(conclusion!.segments[1]!.fr).toBe(expected);
  });
});

describe('compaction waits for the log to weigh half the snapshot (rule S3)', () => {
  it('does not compact after the count alone when the log is small, and does once it has grown', async () => {
    const accord = await start({ hub: { compactAfterUpdates: 10, compactAtLogFraction: 0.5, unloadAfterMs: 60_000 } });
    const id = await createDeclarationViaApi(accord.url);
    const writer = client(accord, id);
    const reader = client(accord, id);
    await Promise.all([synced(writer), synced(reader)]);
    let compactions = 0;
    accord.accord.hub.on('compacted', () => compactions++);
    for (let i = 0; i < 20; i++) await typeRelayed(writer, reader, ` ${i}`);
    // Twice the count, but a few hundred bytes against a snapshot of several kilobytes.
    await accord.accord.hub.read(id, () => undefined);
    expect(compactions).toBe(0);
    const db = new Database(accord.dbFile, { readonly: true });
    const { bytes } = db.prepare('SELECT length(state) AS bytes FROM snapshots WHERE declaration_id = ?').get(id) as { bytes: number };
    db.close();
    const compacted = once(accord.accord.hub, 'compacted');
    await typeRelayed(writer, reader, ` ${'x'.repeat(bytes)}`);
    await compacted;
    expect(compactions).toBe(1);
  });
});

describe('storage failure (rule S1)', () => {
  it('relays nothing it could not store, tells the writer, and serves the stored state after', async () => {
    const { store, dbFile, setFailing } = failingStore();
    const accord = await start({ store, dbFile });
    const id = await createDeclarationViaApi(accord.url);
    const writer = client(accord, id);
    const reader = client(accord, id);
    await Promise.all([synced(writer), synced(reader)]);
    setFailing(true);
    const closed = nextClose(writer);
    typeAtEnd(writer.doc, 'theme', 'fr', ' NON ENREGISTRÉ');
    expect((await closed).code).toBe(4503);
    expect(segmentText(reader.doc, 'theme', 'fr')).not.toContain('NON ENREGISTRÉ');
    setFailing(false);
    // The writer reconnects on its own and resends what the server never stored.
    await waitForDoc(reader.doc, (doc) => segmentText(doc, 'theme', 'fr').endsWith(' NON ENREGISTRÉ'));
  });

  it('regression: a late release of the dropped room does not unload the room that replaced it', async () => {
    const { store, dbFile, setFailing } = failingStore();
    const accord = await start({ store, dbFile, hub: { unloadAfterMs: 0 } });
    const { hub } = accord.accord;
    const id = await createDeclarationViaApi(accord.url);
    const writer = client(accord, id);
    await synced(writer);
    // A holder of the room that lets go only later, as a silent client's socket closes after 30 s.
    const dropped = (await hub.acquire(id))!;
    setFailing(true);
    const closed = nextClose(writer);
    typeAtEnd(writer.doc, 'theme', 'fr', ' après');
    await closed;
    setFailing(false);
    const reader = client(accord, id);
    await waitForDoc(reader.doc, (doc) => segmentText(doc, 'theme', 'fr').endsWith(' après'));
    hub.release(dropped);
    // Timers of equal delay fire in the order they were set: this one runs after any unload the
    // release could have scheduled (unloadAfterMs is 0).
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hub.isLoaded(id)).toBe(true);
  });
});
