import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** A real y-websocket client (the npm `WebsocketProvider`, unmodified) on its own Y.Doc. */
export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export function connectClient(collabUrl: string, declarationId: string, options: { params?: Record<string, string> } = {}): YClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collabUrl, declarationId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: options.params ?? {},
    // Clients in one process would otherwise also talk over a BroadcastChannel, bypassing the
    // server: an edit could reach another test client without ever being stored.
    disableBc: true,
    // Tests reconnect promptly after a restart instead of backing off for seconds.
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the client has completed its first sync with the server. */
export function synced(client: YClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      client.provider.off('sync', onSync);
      resolve();
    };
    client.provider.on('sync', onSync);
  });
}

/** Resolves when `predicate` holds for the document, checking after every update it receives. */
export function waitForDoc(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean): Promise<void> {
  if (predicate(doc)) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!predicate(doc)) return;
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

/** Resolves with the close event of the client's next disconnection. */
export function nextClose(client: YClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const onClose = (event: CloseEvent | null) => {
      client.provider.off('connection-close', onClose);
      resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' });
    };
    client.provider.on('connection-close', onClose);
  });
}
