import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { MessageType } from '@accord/protocol/MessageType';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connectClient, synced } from '../support/yClient';

/** Which client library speaks to the server: y-websocket's provider, or Hocuspocus's (its framing differs). */
export type ClientKind = 'y-websocket' | 'hocuspocus';

/** One load-harness client, whatever its library. */
export interface BenchClient {
  doc: Y.Doc;
  /** The transaction origin of updates the client receives from the server. */
  origin: unknown;
  synced(): Promise<void>;
  destroy(): void;
}


/**
 * Connects a client of `kind` to `room`. With `onAck` (Accord only), it asks for
 * acknowledgements and is told each count of its update messages stored.
 */
export function connectBenchClient(kind: ClientKind, url: string, room: string, onAck?: (count: number) => void): BenchClient {
  if (kind === 'hocuspocus') {
    const doc = new Y.Doc();
    // In Node the socket comes from `ws`, which only the websocket provider's configuration takes.
    const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ name: room, document: doc, websocketProvider });
    // With a websocket provider of its own making, Hocuspocus 3 waits to be attached to it.
    provider.attach();
    return {
      doc,
      origin: provider,
      synced: () => (provider.isSynced ? Promise.resolve() : new Promise((resolve) => provider.on('synced', () => resolve()))),
      destroy: () => {
        provider.destroy();
        websocketProvider.destroy();
        doc.destroy();
      },
    };
  }
  const client = connectClient(url, room, onAck ? { params: { ack: '1' } } : {});
  if (onAck) client.provider.messageHandlers[MessageType.ack] = (_encoder, decoder) => onAck(decoding.readVarUint(decoder));
  return {
    doc: client.doc,
    origin: client.provider,
    synced: () => synced(client),
    destroy: client.destroy,
  };
}
