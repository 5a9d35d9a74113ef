import { changeCounts, type ChangeCounts } from '@accord/diff/changeCounts';
import { diffDeclarations } from '@accord/diff/diffDeclarations';
import { canonicalHash } from '@accord/model/canonicalHash';
import { LruCache } from '@accord/model/LruCache';
import { type DeclarationJson, readDeclaration } from '@accord/model/readDeclaration';
import { restoreContent } from '@accord/model/restoreContent';
import { readAdoption } from '@accord/workflow/workflowMap';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import type { LatestVersion, Store, VersionKind, VersionRecord } from '../storage/Store';
import type { DocumentHub } from '../sync/DocumentHub';

/** Every this many versions one is stored in full, so loading one applies at most this many deltas. */
export const FULL_VERSION_EVERY = 20;

/** How many saved versions' plain texts an instance keeps read (each about the size of the declaration's JSON). */
const VERSION_TEXTS_KEPT = 32;

export interface SaveRequest {
  kind: VersionKind;
  label: string | null;
  /** Who made it; for an automatic checkpoint, the members whose edits it holds, comma-separated. */
  author: string | null;
}

/**
 * Named versions and automatic checkpoints of declarations.
 *
 * A version is the document state at one moment, stored as `Y.diffUpdate` against the previous
 * version's state vector — so storage grows with the change, not with the document — and in full
 * every `FULL_VERSION_EVERY` versions, so loading any version applies a bounded chain.
 */
export class VersionService {
  /**
   * Versions never change once saved, so their plain text is read from the store once: « since
   * my last visit » and the compare view ask for the same marked versions again and again, and
   * rebuilding one (the stored chain applied to a new document) is most of a report's I/O.
   */
  private readonly texts = new LruCache<string, { record: VersionRecord; json: DeclarationJson }>(VERSION_TEXTS_KEPT);

  constructor(
    private readonly store: Store,
    private readonly hub: DocumentHub,
  ) {}

  /**
   * Saves the live state; `null` for an unknown declaration. An automatic checkpoint whose text
   * equals the latest version's is skipped (the latest is returned instead): nothing is unreachable.
   */
  async save(declarationId: string, request: SaveRequest): Promise<VersionRecord | null> {
    // A few attempts: another instance may append a version between our read and our write.
    for (let attempt = 0; attempt < 5; attempt++) {
      const live = await this.hub.read(declarationId, (doc) => ({
        state: Y.encodeStateAsUpdate(doc),
        stateVector: Y.encodeStateVector(doc),
        json: readDeclaration(doc),
      }));
      if (!live) return null;
      const hash = canonicalHash(live.json);
      const latest = await this.store.latestVersion(declarationId);
      if (request.kind === 'automatic' && latest?.record.hash === hash) return latest.record;
      const full = !latest || latest.deltasSinceFull + 1 >= FULL_VERSION_EVERY;
      const record: VersionRecord = {
        id: newVersionId(),
        kind: request.kind,
        label: request.label,
        author: request.author,
        createdAt: new Date().toISOString(),
        hash,
        changes: await this.changesSince(declarationId, latest, live.json),
      };
      const data = full ? live.state : Y.diffUpdate(live.state, latest!.stateVector);
      if (await this.store.appendVersion(declarationId, { ...record, data, full, stateVector: live.stateVector }, latest?.record.id ?? null)) {
        return record;
      }
    }
    throw new Error(`VersionService.save: versions of ${declarationId} kept changing under us`);
  }

  /**
   * Saves a given state of a declaration (W9: the state just before clients removed sections),
   * in full: a delta against the latest version's state vector would, once applied after that
   * version, read as the later state. Skipped, like an automatic checkpoint, when its text equals
   * the latest version's. Not through the room: the room calls it from inside its queue, where
   * everyone's typing waits — so it records no `changes` (reading the previous version and diffing
   * the whole declaration would hold that queue).
   */
  async saveState(declarationId: string, state: Uint8Array, request: SaveRequest): Promise<VersionRecord> {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      const hash = canonicalHash(readDeclaration(doc));
      const stateVector = Y.encodeStateVector(doc);
      for (let attempt = 0; attempt < 5; attempt++) {
        const latest = await this.store.latestVersion(declarationId);
        if (latest?.record.hash === hash) return latest.record;
        const record: VersionRecord = { id: newVersionId(), ...request, createdAt: new Date().toISOString(), hash, changes: null };
        if (await this.store.appendVersion(declarationId, { ...record, data: state, full: true, stateVector }, latest?.record.id ?? null)) return record;
      }
      throw new Error(`VersionService.saveState: versions of ${declarationId} kept changing under us`);
    } finally {
      doc.destroy();
    }
  }

  /**
   * What `json` changed since the latest version (the timeline's « 3 passages dans 2 sections »),
   * or null for a first version. Loads that version once per save: a bounded chain of deltas.
   */
  private async changesSince(declarationId: string, latest: LatestVersion | null, json: DeclarationJson): Promise<ChangeCounts | null> {
    if (!latest) return null;
    const previous = await this.readVersion(declarationId, latest.record.id);
    return previous ? changeCounts(diffDeclarations(previous.json, json)) : null;
  }

  list(declarationId: string): Promise<VersionRecord[]> {
    return this.store.listVersions(declarationId);
  }

  /** The version's document (the caller destroys it), or `null` for an unknown id. */
  async load(declarationId: string, versionId: string): Promise<{ record: VersionRecord; doc: Y.Doc } | null> {
    const stored = await this.store.loadVersion(declarationId, versionId);
    if (!stored) return null;
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const data of stored.chain) Y.applyUpdate(doc, data);
    });
    return { record: stored.record, doc };
  }

  /** A version's record and plain text, frozen (shared by every caller); `null` when unknown. */
  async readVersion(declarationId: string, versionId: string): Promise<{ record: VersionRecord; json: DeclarationJson } | null> {
    const key = `${declarationId}/${versionId}`;
    const kept = this.texts.get(key);
    if (kept) return kept;
    const loaded = await this.load(declarationId, versionId);
    if (!loaded) return null;
    try {
      const read = deepFreeze({ record: loaded.record, json: readDeclaration(loaded.doc) });
      this.texts.set(key, read);
      return read;
    } finally {
      loaded.doc.destroy();
    }
  }

  /**
   * Restores a version as a new change on top of the history, after a checkpoint of the text it
   * replaces: every connected client sees it at once (it goes through the room like an edit).
   * `null` when the declaration or the version is unknown; `frozen` (nothing restored) while the
   * declaration is adopted, checked in the same change as the restore so no adoption slips between.
   */
  async restore(declarationId: string, versionId: string, author: string | null): Promise<{ checkpoint: VersionRecord } | 'frozen' | null> {
    const target = await this.load(declarationId, versionId);
    if (!target) return null;
    try {
      const checkpoint = await this.save(declarationId, { kind: 'before-restore', label: null, author });
      if (!checkpoint) return null;
      const restored = await this.hub.change(declarationId, (doc) => {
        if (readAdoption(doc) !== null) return false;
        restoreContent(doc, target.doc);
        return true;
      });
      if (!restored) return null;
      return restored.value ? { checkpoint } : 'frozen';
    } finally {
      target.doc.destroy();
    }
  }
}

function newVersionId(): string {
  return `v${randomBytes(9).toString('base64url')}`;
}

/** Freezes plain JSON-like values all the way down, so a shared cached value cannot be altered by one caller. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
