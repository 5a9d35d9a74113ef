import pg from 'pg';
import type { Bilingual } from '@accord/model/declarationLayout';
import type { DeclarationRecord, LatestVersion, NewVersion, Store, StoredDocument, VersionRecord } from './Store';
import type { AccessStore } from './AccessStore';
import { POSTGRES_ACCESS_MIGRATION, POSTGRES_INVITE_USES_MIGRATION, PostgresAccessStore } from './PostgresAccessStore';
import { changesColumn, type VersionRow, toVersionRecord } from './versionRow';
import type { TalkStore } from './TalkStore';
import { POSTGRES_TALK_MIGRATION, PostgresTalkStore } from './PostgresTalkStore';

/**
 * Schema migrations, applied in order inside one transaction each, under an advisory lock so that
 * instances starting together do not race; `accord_schema` records how many have run.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE declarations (
     id TEXT PRIMARY KEY,
     title_fr TEXT NOT NULL,
     title_ja TEXT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE snapshots (
     declaration_id TEXT PRIMARY KEY REFERENCES declarations(id),
     state BYTEA NOT NULL,
     through_seq BIGINT NOT NULL,
     at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE updates (
     seq BIGSERIAL PRIMARY KEY,
     declaration_id TEXT NOT NULL REFERENCES declarations(id),
     data BYTEA NOT NULL,
     at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX updates_by_declaration ON updates (declaration_id, seq);`,
  `CREATE TABLE versions (
     seq BIGSERIAL PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     declaration_id TEXT NOT NULL REFERENCES declarations(id),
     kind TEXT NOT NULL,
     label TEXT,
     author TEXT,
     created_at TIMESTAMPTZ NOT NULL,
     hash TEXT NOT NULL,
     full_state BOOLEAN NOT NULL,
     data BYTEA NOT NULL,
     state_vector BYTEA NOT NULL
   );
   CREATE INDEX versions_by_declaration ON versions (declaration_id, seq);`,
  POSTGRES_ACCESS_MIGRATION,
  `CREATE TABLE client_ids (
     declaration_id TEXT NOT NULL REFERENCES declarations(id),
     client_id BIGINT NOT NULL,
     owner TEXT NOT NULL,
     claimed_at TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (declaration_id, client_id)
   );`,
  POSTGRES_INVITE_USES_MIGRATION,
  POSTGRES_TALK_MIGRATION,
  // What each version changed since the one before (issue 18): « 3 passages dans 2 sections ». And
  // the adoption's version gets a kind of its own, named in each reader's language, instead of
  // the French label the server gave it (only the server wrote « Adoptée » with no other words).
  `ALTER TABLE versions ADD COLUMN changes TEXT;
   UPDATE versions SET kind = 'adopted', label = NULL WHERE kind = 'named' AND label = 'Adoptée';`,
];

/** Arbitrary constant naming Accord's migration lock among other users of the database. */
const MIGRATION_LOCK = 4_2_7_1_1;

interface DeclarationRow {
  id: string;
  title_fr: string;
  title_ja: string;
  created_at: Date;
  updated_at: Date | null;
}

/**
 * The scale-out store: PostgreSQL, shared by every server instance.
 *
 * Appends to one declaration are serialised by a transaction-scoped advisory lock taken in the
 * same statement as the insert, so sequence numbers become visible in order: a reader that sees
 * update n has seen every update before it. That is what makes compaction by one instance safe
 * while another appends (Store rule 3): the updates it did not read all have higher numbers.
 */
export class PostgresStore implements Store {
  readonly access: AccessStore;
  readonly talk: TalkStore;

  private constructor(private readonly pool: pg.Pool) {
    this.access = new PostgresAccessStore(pool);
    this.talk = new PostgresTalkStore(pool);
  }

  /** Connects, creates or upgrades the schema, and returns the store. */
  static async open(connectionString: string, options: { max?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
    // An idle client that loses its connection must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const store = new PostgresStore(pool);
    try {
      await store.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS accord_schema (version INTEGER NOT NULL)');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM accord_schema');
      const version = rows[0]?.version ?? 0;
      if (version > MIGRATIONS.length) {
        throw new Error(`PostgresStore: the database is at schema version ${version}, newer than this Accord (${MIGRATIONS.length})`);
      }
      for (let v = version; v < MIGRATIONS.length; v++) await client.query(MIGRATIONS[v]!);
      if (rows.length === 0) await client.query('INSERT INTO accord_schema (version) VALUES ($1)', [MIGRATIONS.length]);
      else await client.query('UPDATE accord_schema SET version = $1', [MIGRATIONS.length]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async createDeclaration(record: { id: string; title: Bilingual }, initialState: Uint8Array): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('INSERT INTO declarations (id, title_fr, title_ja, created_at) VALUES ($1, $2, $3, now())', [
        record.id,
        record.title.fr,
        record.title.ja,
      ]);
      await client.query('INSERT INTO snapshots (declaration_id, state, through_seq, at) VALUES ($1, $2, 0, now())', [
        record.id,
        Buffer.from(initialState),
      ]);
    });
  }

  async listDeclarations(): Promise<DeclarationRecord[]> {
    const { rows } = await this.pool.query<DeclarationRow>(`${SELECT_DECLARATION} ORDER BY d.created_at DESC, d.id`);
    return rows.map(toRecord);
  }

  async getDeclaration(id: string): Promise<DeclarationRecord | null> {
    const { rows } = await this.pool.query<DeclarationRow>(`${SELECT_DECLARATION} WHERE d.id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async setDeclarationTitle(id: string, title: Bilingual): Promise<void> {
    await this.pool.query('UPDATE declarations SET title_fr = $1, title_ja = $2 WHERE id = $3', [title.fr, title.ja, id]);
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    const { rows } = await this.pool.query<{ seq: string }>(APPEND_UPDATE, [id, Buffer.from(update)]);
    return Number(rows[0]!.seq);
  }

  async loadDocument(id: string): Promise<StoredDocument | null> {
    return this.transaction(
      async (client) => {
        const exists = await client.query('SELECT 1 FROM declarations WHERE id = $1', [id]);
        if (exists.rowCount === 0) return null;
        const snapshot = await client.query<{ state: Buffer; through_seq: string }>(
          'SELECT state, through_seq FROM snapshots WHERE declaration_id = $1',
          [id],
        );
        const updates = await client.query<{ seq: string; data: Buffer }>(
          'SELECT seq, data FROM updates WHERE declaration_id = $1 ORDER BY seq',
          [id],
        );
        const snap = snapshot.rows[0];
        return {
          snapshot: snap ? new Uint8Array(snap.state) : null,
          updates: updates.rows.map((r) => new Uint8Array(r.data)),
          throughSeq: Number(updates.rows.at(-1)?.seq ?? snap?.through_seq ?? 0),
        };
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  async replaceSnapshot(id: string, state: Uint8Array, throughSeq: number): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO snapshots (declaration_id, state, through_seq, at) VALUES ($1, $2, $3, now())
         ON CONFLICT (declaration_id) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq, at = excluded.at`,
        [id, Buffer.from(state), throughSeq],
      );
      await client.query('DELETE FROM updates WHERE declaration_id = $1 AND seq <= $2', [id, throughSeq]);
    });
  }

  async appendVersion(declarationId: string, v: NewVersion, previousId: string | null): Promise<boolean> {
    return this.transaction(async (client) => {
      // Serialises version appends per declaration across instances (a second lock key space).
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [declarationId]);
      const latest = await client.query<{ id: string }>('SELECT id FROM versions WHERE declaration_id = $1 ORDER BY seq DESC LIMIT 1', [declarationId]);
      if ((latest.rows[0]?.id ?? null) !== previousId) return false;
      await client.query(
        `INSERT INTO versions (id, declaration_id, kind, label, author, created_at, hash, full_state, data, state_vector, changes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [v.id, declarationId, v.kind, v.label, v.author, v.createdAt, v.hash, v.full, Buffer.from(v.data), Buffer.from(v.stateVector), changesColumn(v.changes)],
      );
      return true;
    });
  }

  async listVersions(declarationId: string): Promise<VersionRecord[]> {
    const { rows } = await this.pool.query<VersionRow>(
      'SELECT id, kind, label, author, created_at, hash, changes FROM versions WHERE declaration_id = $1 ORDER BY seq DESC',
      [declarationId],
    );
    return rows.map(toVersionRecord);
  }

  async latestVersion(declarationId: string): Promise<LatestVersion | null> {
    const { rows } = await this.pool.query<VersionRow & { state_vector: Buffer; deltas: string }>(
      `SELECT v.id, v.kind, v.label, v.author, v.created_at, v.hash, v.changes, v.state_vector,
         (SELECT count(*) FROM versions d WHERE d.declaration_id = v.declaration_id AND NOT d.full_state
            AND d.seq > coalesce((SELECT max(f.seq) FROM versions f WHERE f.declaration_id = v.declaration_id AND f.full_state), 0)) AS deltas
       FROM versions v WHERE v.declaration_id = $1 ORDER BY v.seq DESC LIMIT 1`,
      [declarationId],
    );
    const row = rows[0];
    if (!row) return null;
    return { record: toVersionRecord(row), stateVector: new Uint8Array(row.state_vector), deltasSinceFull: Number(row.deltas) };
  }

  async loadVersion(declarationId: string, versionId: string): Promise<{ record: VersionRecord; chain: Uint8Array[] } | null> {
    const { rows } = await this.pool.query<VersionRow & { seq: string }>(
      'SELECT seq, id, kind, label, author, created_at, hash, changes FROM versions WHERE declaration_id = $1 AND id = $2',
      [declarationId, versionId],
    );
    const row = rows[0];
    if (!row) return null;
    const chain = await this.pool.query<{ data: Buffer }>(
      `SELECT data FROM versions WHERE declaration_id = $1 AND seq >= coalesce(
         (SELECT max(seq) FROM versions WHERE declaration_id = $1 AND full_state AND seq <= $2), 0) AND seq <= $2 ORDER BY seq`,
      [declarationId, row.seq],
    );
    return { record: toVersionRecord(row), chain: chain.rows.map((r) => new Uint8Array(r.data)) };
  }

  async claimClientId(declarationId: string, clientId: number, owner: string): Promise<string> {
    // The insert either wins or conflicts. A conflicting claim committed after this statement's
    // snapshot is invisible to its own SELECT, so the owner is then read in a second statement.
    const { rows } = await this.pool.query<{ owner: string }>(
      `WITH claimed AS (
         INSERT INTO client_ids (declaration_id, client_id, owner, claimed_at) VALUES ($1, $2, $3, now())
         ON CONFLICT DO NOTHING RETURNING owner)
       SELECT owner FROM claimed UNION ALL SELECT owner FROM client_ids WHERE declaration_id = $1 AND client_id = $2`,
      [declarationId, clientId, owner],
    );
    return rows[0]?.owner ?? (await this.clientIdOwner(declarationId, clientId))!;
  }

  async clientIdOwner(declarationId: string, clientId: number): Promise<string | null> {
    const { rows } = await this.pool.query<{ owner: string }>('SELECT owner FROM client_ids WHERE declaration_id = $1 AND client_id = $2', [
      declarationId,
      clientId,
    ]);
    return rows[0]?.owner ?? null;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}

/**
 * One statement, so one transaction: the per-declaration lock is held from the sequence number's
 * assignment to the commit, so appends to a declaration commit in sequence order. Exported for
 * the test that holds such a transaction open.
 */
export const APPEND_UPDATE = `WITH lock AS (SELECT pg_advisory_xact_lock(hashtextextended($1, 0)))
  INSERT INTO updates (declaration_id, data, at) SELECT $1, $2, now() FROM lock RETURNING seq`;

const SELECT_DECLARATION = `SELECT d.*, coalesce(
    (SELECT max(u.at) FROM updates u WHERE u.declaration_id = d.id),
    (SELECT s.at FROM snapshots s WHERE s.declaration_id = d.id)) AS updated_at
  FROM declarations d`;

function toRecord(row: DeclarationRow): DeclarationRecord {
  return {
    id: row.id,
    title: { fr: row.title_fr, ja: row.title_ja },
    createdAt: row.created_at.toISOString(),
    updatedAt: (row.updated_at ?? row.created_at).toISOString(),
  };
}
