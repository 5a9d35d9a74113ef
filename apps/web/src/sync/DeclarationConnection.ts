import { getSections } from '@accord/model/declarationLayout';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { LocalUser } from '../user/localUser';
import * as decoding from 'lib0/decoding';
import { SaveTracker } from './SaveTracker';
import { CloseCode } from '@accord/protocol/CloseCode';
import { MessageType } from '@accord/protocol/MessageType';

/** A sync step 2 or update frame: `varUint(0) varUint(1 | 2) …`. */
function isUpdateMessage(frame: Uint8Array): boolean {
  return frame[0] === 0 && (frame[1] === 1 || frame[1] === 2);
}

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'stopped';

/** A problem the user must be told about; each maps to a message in `problem.*`. */
export type SyncProblem = 'unknownDeclaration' | 'loadFailed' | 'malformed' | 'tooBig' | 'storage';

export interface ConnectionState {
  status: ConnectionStatus;
  /**
   * The document can be shown: it has synced with the server at least once, or this device has a
   * copy from an earlier visit. Never true for a declaration the server does not know or cannot
   * load before a first sync, so an empty document is never offered for editing.
   */
  ready: boolean;
  problem: SyncProblem | null;
  /** This page's changes the server has not yet confirmed as stored (0: everything is saved). */
  unsaved: number;
}

/** Where a user is, published in awareness so the outline can show who works on which section. */
export interface AwarenessLocation {
  sectionId: string;
  lang: 'fr' | 'ja';
}

/**
 * One declaration open in this page: its Y.Doc, the WebSocket provider that syncs it with the
 * server (and other tabs), and a copy in IndexedDB so edits made on bad wifi survive a closed tab.
 * All editors of the page share this one document and one awareness.
 */
export class DeclarationConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly local: IndexeddbPersistence;
  private readonly listeners = new Set<() => void>();
  private state: ConnectionState = { status: 'connecting', ready: false, problem: null, unsaved: 0 };
  private readonly saves = new SaveTracker();
  private socketStatus: 'connecting' | 'connected' | 'disconnected' = 'connecting';
  private synced = false;
  private everSynced = false;
  private localCopy = false;
  private problem: SyncProblem | null = null;
  private destroyed = false;

  constructor(
    readonly id: string,
    user: LocalUser,
  ) {
    const wsBase = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
    // Registered before the provider's own listener, so a change is counted before it is sent.
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider || origin === this.local) return;
      this.saves.localChange();
      this.update();
    });
    this.provider = new WebsocketProvider(`${wsBase}/collab`, id, this.doc, {
      // "Saved" must mean stored: the server then acknowledges each update (docs/sync-protocol.md).
      params: { ack: '1' },
      // 4400–4499 are final by the server's contract; so is 1009: resending the same oversized
      // update would only be refused again, in a loop.
      // 4429 (too many messages) is a pause, not a verdict: reconnect after the backoff.
      shouldReconnect: (event) =>
        event.code === CloseCode.tooManyMessages ||
        !((event.code >= 4400 && event.code < 4500) || event.code === CloseCode.messageTooBig),
    });
    this.provider.awareness.setLocalStateField('user', user);
    // The first socket was opened by the constructor, before any 'status' listener could see it.
    this.countSentUpdates();
    this.provider.messageHandlers[MessageType.ack] = (_encoder, decoder) => {
      this.saves.acknowledged(decoding.readVarUint(decoder));
      this.update();
    };
    this.provider.on('status', ({ status }) => {
      if (status === 'connecting') this.countSentUpdates();
      this.socketStatus = status;
      this.update();
    });
    this.provider.on('sync', (isSynced) => {
      this.synced = isSynced;
      if (isSynced) {
        this.everSynced = true;
        // A transient problem is over once the server has answered a full sync.
        if (this.problem === 'loadFailed' || this.problem === 'storage') this.problem = null;
      }
      this.update();
    });
    this.provider.on('connection-close', (event) => {
      if (event) this.onClose(event.code);
    });

    this.local = new IndexeddbPersistence(`accord:${id}`, this.doc);
    void this.local.whenSynced.then(() => {
      // Only a copy with content counts: an empty local database is a first visit.
      this.localCopy = getSections(this.doc).length > 0;
      this.update();
    });

    addEventListener('online', this.update);
    addEventListener('offline', this.update);
  }

  getState = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setUser(user: LocalUser): void {
    this.provider.awareness.setLocalStateField('user', user);
  }

  setLocation(location: AwarenessLocation | null): void {
    this.provider.awareness.setLocalStateField('location', location);
  }

  /** Reconnect now, after a stop or during a backoff (the "try again" button). */
  retry(): void {
    if (this.problem === 'malformed' || this.problem === 'tooBig') this.problem = null;
    this.provider.disconnect();
    this.provider.connect();
    this.update();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    removeEventListener('online', this.update);
    removeEventListener('offline', this.update);
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  /** Counts the update messages the provider sends on its new socket, for `SaveTracker`. */
  private countSentUpdates(): void {
    this.saves.connectionReset();
    const ws = this.provider.ws;
    if (!ws) return;
    const send = ws.send.bind(ws);
    ws.send = (data) => {
      if (data instanceof Uint8Array && isUpdateMessage(data)) this.saves.sent();
      send(data);
    };
  }

  private onClose(code: number): void {
    switch (code) {
      case CloseCode.unknownDeclaration:
        this.problem = 'unknownDeclaration';
        // A copy of a declaration the server does not have must not come back on a later visit.
        void this.local.clearData();
        this.localCopy = false;
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
    const stopped = !this.provider.shouldConnect;
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
    const next: ConnectionState = { status, ready, problem, unsaved: this.saves.unsaved };
    if (
      next.status === this.state.status &&
      next.ready === this.state.ready &&
      next.problem === this.state.problem &&
      next.unsaved === this.state.unsaved
    ) {
      return;
    }
    this.state = next;
    for (const listener of this.listeners) listener();
  };
}
