import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ADMIN_TOKEN } from './adminToken';

/** A real y-websocket client (the npm `WebsocketProvider`, unmodified) on its own Y.Doc. */
export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/**
 * `token`: the credential sent as the `token` query parameter, as the standard client's `params`
 * do (A4); the administrator's unless given, `null` for none.
 */
export function connectClient(
  collabUrl: string,
  declarationId: string,
  options: { params?: Record<string, string>; token?: string | null; doc?: Y.Doc } = {},
): YClient {
  // `doc`: an existing document, as a laptop coming back with its offline copy would bring.
  const doc = options.doc ?? new Y.Doc();
  const token = options.token === undefined ? ADMIN_TOKEN : options.token;
  const provider = new WebsocketProvider(collabUrl, declarationId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { ...(token === null ? {} : { token }), ...options.params },
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

/**
 * The URL a raw WebSocket opens for a declaration, with the `token` query parameter the standard
 * client would send (the administrator's unless given; `null` for none) and any other `params`.
 */
export function socketUrl(collabUrl: string, declarationId: string, params: Record<string, string> = {}, token: string | null = ADMIN_TOKEN): string {
  const query = new URLSearchParams({ ...(token === null ? {} : { token }), ...params }).toString();
  return `${collabUrl}/${declarationId}${query ? `?${query}` : ''}`;
}
