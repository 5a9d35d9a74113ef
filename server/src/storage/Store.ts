import type { VersionKind } from '@accord/protocol/rest/versions';
import type { ChangeCounts } from '@accord/diff/changeCounts';
import type { Bilingual } from '@accord/model/declarationLayout';
import type { AccessStore } from './AccessStore';
import type { TalkStore } from './TalkStore';

/** A declaration as the store lists it; its text lives in the document, not here. */
export interface DeclarationRecord {
  id: string;
  /** The title at creation or last compaction: good enough for a list, the document has the live one. */
  title: Bilingual;
  createdAt: string;
  updatedAt: string;
}

/** What is stored of one document: the latest snapshot, then every update appended after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** The sequence number of the last update read (or of the snapshot when there is none); 0 for neither. */
  throughSeq: number;
}

/** The kinds of saved versions, one list for the store and the REST contract. */
export type { VersionKind };

/** A saved version as listed: who, when, why, and the hash of its content. */
export interface VersionRecord {
  id: string;
  kind: VersionKind;
  /** The label a person gave it; `null` for automatic checkpoints. */
  label: string | null;
  author: string | null;
  createdAt: string;
  /** SHA-256 (hex) of the canonical plain JSON of the declaration (`readDeclaration`). */
  hash: string;
  /** What changed since the version before it; `null` for the first, and versions stored before it was recorded. */
  changes: ChangeCounts | null;
}

/** A version to store: its record, and its state as a delta or in full (see rule 6). */
export interface NewVersion extends VersionRecord {
  /** The whole document state (`full`), or `Y.diffUpdate` of it against the previous version's state vector. */
  data: Uint8Array;
  full: boolean;
  /** This version's state vector, against which the next version's delta is computed. */
  stateVector: Uint8Array;
}

export interface LatestVersion {
  record: VersionRecord;
  stateVector: Uint8Array;
  /** Versions stored as deltas since the last full one. */
  deltasSinceFull: number;
}

/**
 * Durable storage of declarations. The sync code talks to this interface only, so SQLite (the
 * embedded default) and PostgreSQL (scale-out) are interchangeable; both pass the same contract
 * suite in `server/test/storeContract.ts`.
 *
 * Contract:
 * 1. `appendUpdate` resolves only once the update is committed: after it resolves, a crash of the
 *    process (SIGKILL) cannot lose it. The sync server relays an update only after that.
 * 2. Updates of one document are returned by `loadDocument` in the order they were appended.
 * 3. `replaceSnapshot(id, state, throughSeq)` atomically stores `state` as the snapshot and deletes
 *    the updates with a sequence number up to `throughSeq`, never one appended after it: a crash in
 *    the middle leaves either the old snapshot and all updates or the new snapshot and the rest.
 * 4. Storage errors reject; nothing is swallowed. Unknown ids are values (`null`), not errors.
 * 5. The store does not interpret update bytes; merging them is the caller's business.
 * 6. Versions of a declaration form a chain in the order they were appended. `appendVersion`
 *    stores a version only if the latest one is still `previousId` (else it returns `false` and
 *    stores nothing), so a delta is always against its predecessor even with several instances.
 *    `loadVersion` returns the data to rebuild a version: the latest full state at or before it,
 *    then every delta after that up to it, in order — applying them all gives the version.
 * 7. A Yjs client id of a declaration has at most one owner, for good: `claimClientId` gives it to
 *    the caller only if nobody has it, atomically (of two concurrent claims one wins, and both are
 *    told which), and nothing ever takes it back (docs/access-and-workflow.md A11).
 */
export interface Store {
  /** Invites, members, settings and the audit log, on the same database. */
  readonly access: AccessStore;
  /** Comments, suggestions, notifications and visits, on the same database. */
  readonly talk: TalkStore;
  createDeclaration(record: { id: string; title: Bilingual }, initialState: Uint8Array): Promise<void>;
  listDeclarations(): Promise<DeclarationRecord[]>;
  getDeclaration(id: string): Promise<DeclarationRecord | null>;
  /** Records the document's current title so the list stays in step with the text. */
  setDeclarationTitle(id: string, title: Bilingual): Promise<void>;
  /** Appends one update and returns its sequence number (increasing within a document). */
  appendUpdate(id: string, update: Uint8Array): Promise<number>;
  loadDocument(id: string): Promise<StoredDocument | null>;
  replaceSnapshot(id: string, state: Uint8Array, throughSeq: number): Promise<void>;
  appendVersion(declarationId: string, version: NewVersion, previousId: string | null): Promise<boolean>;
  /** Newest first, without their data; `[]` for an unknown declaration. */
  listVersions(declarationId: string): Promise<VersionRecord[]>;
  latestVersion(declarationId: string): Promise<LatestVersion | null>;
  loadVersion(declarationId: string, versionId: string): Promise<{ record: VersionRecord; chain: Uint8Array[] } | null>;
  /** Claims client id `clientId` for `owner` unless it has one, and returns its owner (rule 7). */
  claimClientId(declarationId: string, clientId: number, owner: string): Promise<string>;
  /** The owner of a client id, `null` when nobody has claimed it. */
  clientIdOwner(declarationId: string, clientId: number): Promise<string | null>;
  close(): Promise<void>;
}
