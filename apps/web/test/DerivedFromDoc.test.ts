import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { type ChangedRoots, DerivedFromDoc } from '../src/sync/DerivedFromDoc';

/** Counts the characters of one text root: a snapshot that changes with every edit. */
class TextLength extends DerivedFromDoc<number> {
  protected derive(_previous: number, _changed: ChangedRoots): number {
    return this.doc.getText('t').length;
  }
}

describe('DerivedFromDoc', () => {
  it('tells its subscribers of a change even when someone read the new snapshot first', async () => {
    const doc = new Y.Doc();
    const derived = new TextLength(doc, 0);
    let told = 0;
    derived.subscribe(() => told++);
    doc.getText('t').insert(0, 'abc');
    // A render in between the transaction and the batched notification reads the new value…
    expect(derived.get()).toBe(3);
    await Promise.resolve();
    // …and the other subscribers are told all the same.
    expect(told).toBe(1);
    expect(derived.get()).toBe(3);
  });

  it('tells nobody when nothing a reader sees changed', async () => {
    const doc = new Y.Doc();
    const derived = new TextLength(doc, 0);
    let told = 0;
    derived.subscribe(() => told++);
    doc.getMap('other').set('k', 1);
    await Promise.resolve();
    expect(told).toBe(0);
  });
});
