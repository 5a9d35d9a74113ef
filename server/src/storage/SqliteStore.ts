import Database from 'better-sqlite3';
import type { Bilingual } from '@accord/model/declarationLayout';
import type { DeclarationRecord, LatestVersion, NewVersion, Store, StoredDocument, VersionRecord } from './Store';
import type { AccessStore } from './AccessStore';
import { SQLITE_ACCESS_MIGRATION, SQLITE_INVITE_USES_MIGRATION, SqliteAccessStore } from './SqliteAccessStore';
import { changesColumn, type VersionRow, toVersionRecord } from './versionRow';
import type { TalkStore } from './TalkStore';
import { SQLITE_TALK_MIGRATION, SqliteTalkStore } from './SqliteTalkStore';

/** Schema migrations, applied in order; `PRAGMA user_version` records how many have run. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE declarations (
     id TEXT PRIMARY KEY,
     title_fr TEXT NOT NULL,
     title_ja TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE snapshots (
     declaration_id TEXT PRIMARY KEY REFERENCES declarations(id),
     state BLOB NOT NULL,
     through_seq INTEGER NOT NULL,
     at TEXT NOT NULL
   );
   CREATE TABLE updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     declaration_id TEXT NOT NULL REFERENCES declarations(id),
     data BLOB NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX updates_by_declaration ON updates (declaration_id, seq);`,
  `CREATE TABLE versions (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     declaration_id TEXT NOT NULL REFERENCES declarations(id),
     kind TEXT NOT NULL,
     label TEXT,
     author TEXT,
     created_at TEXT NOT NULL,
     hash TEXT NOT NULL,
     full INTEGER NOT NULL,
     data BLOB NOT NULL,
     state_vector BLOB NOT NULL
   );
   CREATE INDEX versions_by_declaration ON versions (declaration_id, seq);`,
  SQLITE_ACCESS_MIGRATION,
  `CREATE TABLE client_ids (
     declaration_id TEXT NOT NULL REFERENCES declarations(id),
     client_id INTEGER NOT NULL,
     owner TEXT NOT NULL,
     claimed_at TEXT NOT NULL,
     PRIMARY KEY (declaration_id, client_id)
   );`,
  SQLITE_INVITE_USES_MIGRATION,
  SQLITE_TALK_MIGRATION,
  // What each version changed since the one before (issue 18): « 3 passages dans 2 sections ». And
  // the adoption's version gets a kind of its own, named in each reader's language, instead of
  // the French label the server gave it (only the server wrote « Adoptée » with no other words).
  `ALTER TABLE versions ADD COLUMN changes TEXT;
   UPDATE versions SET kind = 'adopted', label = NULL WHERE kind = 'named' AND label = 'Adoptée';`,
];

interface DeclarationRow {
  id: string;
  title_fr: string;
  title_ja: string;
  created_at: string;
  updated_at: string | null;
}

export interface SqliteStoreOptions {
  /**
   * `full` fsyncs the write-ahead log at every commit, so an update survives a power cut too;
   * `normal` (the default) survives a crash of the process, which is the promise Accord makes,
   * at a fraction of the cost per keystroke.
   */
  synchronous?: 'normal' | 'full';
}

/** The embedded default store: one SQLite file in WAL mode, written synchronously. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements;
  readonly access: AccessStore;
  readonly talk: TalkStore;

  /** Opens (creating and migrating if needed) the database at `file`; `:memory:` works for tests. */
  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.migrate();
    const db = this.db;
    this.access = new SqliteAccessStore(db);
    this.talk = new SqliteTalkStore(db);
    const updatedAt = `coalesce(
        (SELECT max(u.at) FROM updates u WHERE u.declaration_id = d.id),
        (SELECT s.at FROM snapshots s WHERE s.declaration_id = d.id)) AS updated_at`;
    this.statements = {
      insertDeclaration: db.prepare('INSERT INTO declarations (id, title_fr, title_ja, created_at) VALUES (?, ?, ?, ?)'),
      insertSnapshot: db.prepare(
        `INSERT INTO snapshots (declaration_id, state, through_seq, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (declaration_id) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq, at = excluded.at`,
      ),
      list: db.prepare<[], DeclarationRow>(`SELECT d.*, ${updatedAt} FROM declarations d ORDER BY d.created_at DESC, d.id`),
      get: db.prepare<[string], DeclarationRow>(`SELECT d.*, ${updatedAt} FROM declarations d WHERE d.id = ?`),
      setTitle: db.prepare('UPDATE declarations SET title_fr = ?, title_ja = ? WHERE id = ?'),
      append: db.prepare('INSERT INTO updates (declaration_id, data, at) VALUES (?, ?, ?)'),
      snapshot: db.prepare<[string], { state: Buffer; through_seq: number }>(
        'SELECT state, through_seq FROM snapshots WHERE declaration_id = ?',
      ),
      updates: db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE declaration_id = ? ORDER BY seq',
      ),
      deleteThrough: db.prepare('DELETE FROM updates WHERE declaration_id = ? AND seq <= ?'),
      insertVersion: db.prepare(
        `INSERT INTO versions (id, declaration_id, kind, label, author, created_at, hash, full, data, state_vector, changes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      versions: db.prepare<[string], VersionRow>(
        'SELECT id, kind, label, author, created_at, hash, changes FROM versions WHERE declaration_id = ? ORDER BY seq DESC',
      ),
      latestVersion: db.prepare<[string], VersionRow & { seq: number; state_vector: Buffer }>(
        'SELECT seq, id, kind, label, author, created_at, hash, changes, state_vector FROM versions WHERE declaration_id = ? ORDER BY seq DESC LIMIT 1',
      ),
      deltasSinceFull: db.prepare<[string, string], { n: number }>(
        `SELECT count(*) AS n FROM versions WHERE declaration_id = ? AND full = 0
           AND seq > coalesce((SELECT max(seq) FROM versions WHERE declaration_id = ? AND full = 1), 0)`,
      ),
      version: db.prepare<[string, string], VersionRow & { seq: number }>(
        'SELECT seq, id, kind, label, author, created_at, hash, changes FROM versions WHERE declaration_id = ? AND id = ?',
      ),
      claimClientId: db.prepare(
        'INSERT INTO client_ids (declaration_id, client_id, owner, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      clientIdOwner: db.prepare<[string, number], { owner: string }>('SELECT owner FROM client_ids WHERE declaration_id = ? AND client_id = ?'),
      chain: db.prepare<[string, string, number, number], { data: Buffer }>(
        `SELECT data FROM versions WHERE declaration_id = ? AND seq >= coalesce(
           (SELECT max(seq) FROM versions WHERE declaration_id = ? AND full = 1 AND seq <= ?), 0) AND seq <= ? ORDER BY seq`,
      ),
    };
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(`SqliteStore: the database is at schema version ${version}, newer than this Accord (${MIGRATIONS.length})`);
    }
    this.db.transaction(() => {
      for (let v = version; v < MIGRATIONS.length; v++) this.db.exec(MIGRATIONS[v]!);
      this.db.pragma(`user_version = ${MIGRATIONS.length}`);
    })();
  }

  async createDeclaration(record: { id: string; title: Bilingual }, initialState: Uint8Array): Promise<void> {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.statements.insertDeclaration.run(record.id, record.title.fr, record.title.ja, now);
      this.statements.insertSnapshot.run(record.id, initialState, 0, now);
    })();
  }

  async listDeclarations(): Promise<DeclarationRecord[]> {
    return this.statements.list.all().map(toRecord);
  }

  async getDeclaration(id: string): Promise<DeclarationRecord | null> {
    const row = this.statements.get.get(id);
    return row ? toRecord(row) : null;
  }

  async setDeclarationTitle(id: string, title: Bilingual): Promise<void> {
    this.statements.setTitle.run(title.fr, title.ja, id);
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    // Runs synchronously: the row is committed before this method returns its promise, so the
    // in-memory document never gets ahead of the disk, even by one turn of the event loop.
    const result = this.statements.append.run(id, update, new Date().toISOString());
    return Number(result.lastInsertRowid);
  }

  async loadDocument(id: string): Promise<StoredDocument | null> {
    return this.db.transaction(() => {
      if (!this.statements.get.get(id)) return null;
      const snapshot = this.statements.snapshot.get(id);
      const rows = this.statements.updates.all(id);
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        throughSeq: rows.at(-1)?.seq ?? snapshot?.through_seq ?? 0,
      };
    })();
  }

  async replaceSnapshot(id: string, state: Uint8Array, throughSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertSnapshot.run(id, state, throughSeq, new Date().toISOString());
      this.statements.deleteThrough.run(id, throughSeq);
    })();
  }

  async appendVersion(declarationId: string, v: NewVersion, previousId: string | null): Promise<boolean> {
    return this.db.transaction(() => {
      const latest = this.statements.latestVersion.get(declarationId);
      if ((latest?.id ?? null) !== previousId) return false;
      this.statements.insertVersion.run(v.id, declarationId, v.kind, v.label, v.author, v.createdAt, v.hash, v.full ? 1 : 0, v.data, v.stateVector, changesColumn(v.changes));
      return true;
    })();
  }

  async listVersions(declarationId: string): Promise<VersionRecord[]> {
    return this.statements.versions.all(declarationId).map(toVersionRecord);
  }

  async latestVersion(declarationId: string): Promise<LatestVersion | null> {
    return this.db.transaction(() => {
      const row = this.statements.latestVersion.get(declarationId);
      if (!row) return null;
      const { n } = this.statements.deltasSinceFull.get(declarationId, declarationId)!;
      return { record: toVersionRecord(row), stateVector: new Uint8Array(row.state_vector), deltasSinceFull: n };
    })();
  }

  async loadVersion(declarationId: string, versionId: string): Promise<{ record: VersionRecord; chain: Uint8Array[] } | null> {
    return this.db.transaction(() => {
      const row = this.statements.version.get(declarationId, versionId);
      if (!row) return null;
      const chain = this.statements.chain.all(declarationId, declarationId, row.seq, row.seq).map((r) => new Uint8Array(r.data));
      return { record: toVersionRecord(row), chain };
    })();
  }

  async claimClientId(declarationId: string, clientId: number, owner: string): Promise<string> {
    return this.db.transaction(() => {
      this.statements.claimClientId.run(declarationId, clientId, owner, new Date().toISOString());
      return this.statements.clientIdOwner.get(declarationId, clientId)!.owner;
    })();
  }

  async clientIdOwner(declarationId: string, clientId: number): Promise<string | null> {
    return this.statements.clientIdOwner.get(declarationId, clientId)?.owner ?? null;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function toRecord(row: DeclarationRow): DeclarationRecord {
  return {
    id: row.id,
    title: { fr: row.title_fr, ja: row.title_ja },
    createdAt: row.created_at,
    updatedAt: row.updated_at ?? row.created_at,
  };
}
