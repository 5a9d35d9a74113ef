import { passagesTouched } from '@accord/model/passagesTouched';
import { getSections } from '@accord/model/declarationLayout';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { LocalUser } from '../user/localUser';
import { pendingPassages } from './pendingPassages';
import { SaveTracker } from './SaveTracker';
import { CloseCode } from '@accord/protocol/CloseCode';
import { isUpdateFrame, readAckCount } from '@accord/protocol/frames';
import { MessageType } from '@accord/protocol/MessageType';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'stopped';

/** A problem the user must be told about; each maps to a message in `problem.*`. */
export type SyncProblem =
  | 'unknownDeclaration'
  | 'loadFailed'
  | 'malformed'
  | 'tooBig'
  | 'storage'
  /** The session was revoked (4401): nothing more is sent or received. */
  | 'revoked'
  /** The server refused a change (4403): the local copy was discarded and reloaded. */
  | 'forbiddenWrite'
  /** An administrator changed this member's role (4100): the connection came back with the new rights. */
  | 'roleChanged';

export interface ConnectionState {
  status: ConnectionStatus;
  /**
   * The document can be shown: it has synced with the server at least once, or this device has a
   * copy from an earlier visit. Never true for a declaration the server does not know or cannot
   * load before a first sync, so an empty document is never offered for editing.
   */
  ready: boolean;
  problem: SyncProblem | null;
  /**
   * How many passages changed on this device the server has not yet confirmed as stored (0:
   * everything is saved); kept across reloads.
   */
  unsaved: number;
  /**
   * Which document `doc` is: it grows when a refused write made the connection discard its copy
   * and start from the server's again. Whatever was bound to the previous `doc` must be rebuilt.
   */
  generation: number;
  /** How many times an administrator changed this member's role while the page was open (4100). */
  roleChanges: number;
}

/** Where a user is, published in awareness so the outline can show who works on which section. */
export interface AwarenessLocation {
  sectionId: string;
  lang: 'fr' | 'ja';
}

/** One copy of the declaration: the document, its sync with the server, its offline cache. */
interface Replica {
  doc: Y.Doc;
  provider: WebsocketProvider;
  local: IndexeddbPersistence;
  saves: SaveTracker;
}

/**
 * One declaration open in this page: its Y.Doc, the WebSocket provider that syncs it with the
 * server (and other tabs), and a copy in IndexedDB so edits made on bad wifi survive a closed tab.
 * All editors of the page share this one document and one awareness.
 *
 * If the server refuses a change (4403, docs/access-and-workflow.md A6), the copy holding it can
 * never sync again: every reconnection would resend the refused change. The connection then
 * throws that copy away — the document in memory and its IndexedDB database — and starts a new
 * one from the server's state (a new `generation`).
 */
export class DeclarationConnection {
  private replica: Replica;
  private readonly listeners = new Set<() => void>();
  private state: ConnectionState = { status: 'connecting', ready: false, problem: null, unsaved: 0, generation: 0, roleChanges: 0 };
  private generation = 0;
  private roleChanges = 0;
  private socketStatus: 'connecting' | 'connected' | 'disconnected' = 'connecting';
  private synced = false;
  private everSynced = false;
  private localCopy = false;
  private problem: SyncProblem | null = null;
  private destroyed = false;
  private user: LocalUser;
  /** The waiting passages last written by `persistPending`, joined: written only when they change. */
  private persistedPending: string | null = null;

  constructor(
    readonly id: string,
    user: LocalUser,
  ) {
    this.user = user;
    this.replica = this.openReplica();
    addEventListener('online', this.update);
    addEventListener('offline', this.update);
    addEventListener('pagehide', this.flushPending);
  }

  get doc(): Y.Doc {
    return this.replica.doc;
  }

  get provider(): WebsocketProvider {
    return this.replica.provider;
  }

  getState = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setUser(user: LocalUser): void {
    this.user = user;
    this.provider.awareness.setLocalStateField('user', user);
  }

  setLocation(location: AwarenessLocation | null): void {
    this.provider.awareness.setLocalStateField('location', location);
  }

  /** Reconnect now, after a stop or during a backoff (the "try again" button). */
  retry(): void {
    this.provider.disconnect();
    this.provider.connect();
    this.update();
  }

  /** The person has read the notice (after a refused write, which needs no action from them). */
  dismissProblem(): void {
    if (this.problem !== 'forbiddenWrite' && this.problem !== 'roleChanged') return;
    this.problem = null;
    this.update();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    removeEventListener('online', this.update);
    removeEventListener('offline', this.update);
    removeEventListener('pagehide', this.flushPending);
    this.flushPending();
    this.closeReplica(this.replica);
    this.listeners.clear();
  }

  private openReplica(): Replica {
    const wsBase = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
    const doc = new Y.Doc();
    const saves = new SaveTracker();
    // What an earlier visit left unconfirmed is in the local copy IndexedDB is about to load.
    saves.restore(pendingPassages.get(this.id));
    // Assigned below; the listeners only run once the replica is complete.
    const replica = { doc, saves } as Replica;
    // 'afterTransaction' comes before the 'update' the provider sends from, so a change is counted
    // before it is sent; and before deleted items are collected, so they still name their passage.
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === replica.provider || transaction.origin === replica.local) return;
      const passages = passagesTouched(transaction);
      if (passages.size === 0) return;
      saves.localChange(passages);
      this.persistPending(replica);
      this.update();
    });
    // The session cookie (`accord_<id>`, HttpOnly) goes with the upgrade request: same origin.
    const provider = new WebsocketProvider(`${wsBase}/collab`, this.id, doc, {
      // "Saved" must mean stored: the server then acknowledges each update (docs/sync-protocol.md).
      params: { ack: '1' },
      // 4400–4499 are final by the server's contract; so is 1009: resending the same oversized
      // update would only be refused again, in a loop.
      // 4429 (too many messages) is a pause, not a verdict: reconnect after the backoff.
      shouldReconnect: (event) =>
        event.code === CloseCode.tooManyMessages ||
        !((event.code >= 4400 && event.code < 4500) || event.code === CloseCode.messageTooBig),
    });
    replica.provider = provider;
    provider.awareness.setLocalStateField('user', this.user);
    // The first socket was opened by the constructor, before any 'status' listener could see it.
    this.countSentUpdates(replica);
    // A discarded replica's last events (its socket closing) must not touch the new one's state.
    const current = () => replica === this.replica;
    provider.messageHandlers[MessageType.ack] = (_encoder, decoder) => {
      saves.acknowledged(readAckCount(decoder));
      this.persistPending(replica);
      this.update();
    };
    provider.on('status', ({ status }) => {
      if (!current()) return;
      if (status === 'connecting') this.countSentUpdates(replica);
      this.socketStatus = status;
      // Losing the server is when the waiting passages must be on this device (persistPending).
      this.persistPending(replica);
      this.update();
    });
    provider.on('sync', (isSynced) => {
      if (!current()) return;
      this.synced = isSynced;
      if (isSynced) {
        this.everSynced = true;
        // A transient problem is over once the server has answered a full sync.
        if (this.problem === 'loadFailed' || this.problem === 'storage') this.problem = null;
      }
      this.update();
    });
    provider.on('connection-close', (event) => {
      if (event && current()) this.onClose(event.code, replica);
    });
    // A final close (4400–4499) stops the provider only after 'connection-close': show "stopped" then.
    provider.on('closed', () => {
      if (current()) this.update();
    });

    replica.local = new IndexeddbPersistence(`accord:${this.id}`, doc);
    void replica.local.whenSynced.then(() => {
      if (replica !== this.replica) return;
      // Only a copy with content counts: an empty local database is a first visit.
      this.localCopy = getSections(doc).length > 0;
      this.update();
    });
    return replica;
  }

  private closeReplica(replica: Replica): void {
    replica.provider.destroy();
    void replica.local.destroy();
    replica.doc.destroy();
  }

  /**
   * After a refused write (4403): forget everything this page holds of the declaration and sync
   * afresh. The IndexedDB database is deleted before the new replica opens its own, or the new
   * document would load the refused change back from it.
   */
  private async discardAndReload(refused: Replica): Promise<void> {
    if (refused !== this.replica) return;
    refused.provider.destroy();
    await refused.local.clearData();
    pendingPassages.set(this.id, []);
    this.persistedPending = null;
    refused.doc.destroy();
    if (this.destroyed) return;
    this.synced = false;
    this.everSynced = false;
    this.localCopy = false;
    this.socketStatus = 'connecting';
    this.generation++;
    this.replica = this.openReplica();
    this.update();
  }

  /**
   * Keeps the waiting passages on this device, for a reload before they are saved. Online a
   * keystroke's passage waits only until its acknowledgement, milliseconds later: writing it and
   * removing it again at every keystroke would cost two synchronous storage writes each, so while
   * connected only an emptied set is written, and the rest when the socket drops or the page goes
   * away (`flushPending`).
   */
  private persistPending(replica: Replica, always = false): void {
    if (replica !== this.replica) return;
    if (!always && this.socketStatus === 'connected' && replica.saves.unsaved > 0) return;
    const pending = replica.saves.pending;
    const written = pending.join('\n');
    if (written === this.persistedPending) return;
    this.persistedPending = written;
    pendingPassages.set(this.id, pending);
  }

  /** The page is going away (a reload, a closed tab): whatever still waits is written now. */
  private readonly flushPending = (): void => {
    this.persistPending(this.replica, true);
  };

  /** Counts the update messages the provider sends on its new socket, for `SaveTracker`. */
  private countSentUpdates(replica: Replica): void {
    replica.saves.connectionReset();
    const ws = replica.provider.ws;
    if (!ws) return;
    const send = ws.send.bind(ws);
    ws.send = (data) => {
      if (data instanceof Uint8Array && isUpdateFrame(data)) replica.saves.sent();
      send(data);
    };
  }

  private onClose(code: number, replica: Replica): void {
    switch (code) {
      case CloseCode.unknownDeclaration:
        this.problem = 'unknownDeclaration';
        // A copy of a declaration the server does not have must not come back on a later visit.
        void replica.local.clearData();
        pendingPassages.set(this.id, []);
        this.localCopy = false;
        break;
      case CloseCode.unauthorized:
        // The session is gone (revoked): retrying cannot help; the page says so and stays readable.
        this.problem = 'revoked';
        break;
      case CloseCode.forbiddenWrite:
        this.problem = 'forbiddenWrite';
        void this.discardAndReload(replica);
        break;
      case CloseCode.roleChanged:
        // The provider reconnects by itself (not a final code), with the new rights.
        this.problem = 'roleChanged';
        this.roleChanges++;
        break;
      case CloseCode.loadFailed:
        this.problem = 'loadFailed';
        break;
      case CloseCode.storageUnavailable:
        this.problem = 'storage';
        break;
      case CloseCode.malformedMessage:
        this.problem = 'malformed';
        break;
      case CloseCode.messageTooBig:
      case CloseCode.documentTooLarge:
        this.problem = 'tooBig';
        break;
      default:
        break;
    }
    this.update();
  }

  private readonly update = (): void => {
    if (this.destroyed) return;
    const online = navigator.onLine;
    // While a refused copy is being discarded the old provider is stopped; that is no "stop".
    const stopped = !this.provider.shouldConnect && this.problem !== 'forbiddenWrite';
    let status: ConnectionStatus;
    if (stopped) status = 'stopped';
    else if (!online) status = 'offline';
    else if (this.socketStatus === 'connected' && this.synced) status = 'connected';
    else if (this.everSynced || this.problem !== null) status = 'reconnecting';
    else status = 'connecting';
    const problem = this.problem;
    // Before a first sync, a declaration the server refuses is an error page, not an editor.
    const blocking = problem === 'unknownDeclaration' || (!this.everSynced && problem === 'loadFailed');
    const ready = !blocking && (this.everSynced || this.localCopy);
    const next: ConnectionState = {
      status,
      ready,
      problem,
      unsaved: this.replica.saves.unsaved,
      generation: this.generation,
      roleChanges: this.roleChanges,
    };
    if (
      next.status === this.state.status &&
      next.ready === this.state.ready &&
      next.problem === this.state.problem &&
      next.unsaved === this.state.unsaved &&
      next.generation === this.state.generation &&
      next.roleChanges === this.state.roleChanges
    ) {
      return;
    }
    this.state = next;
    for (const listener of this.listeners) listener();
  };
}
