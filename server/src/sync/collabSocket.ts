import type { UpgradeWebSocket, WSContext } from 'hono/ws';
import type { Context, MiddlewareHandler } from 'hono';
import type { Principal } from '../access/Principal';
import type { AuditRefusal } from '../access/AuditRefusal';
import type { AccordEnv } from '../http/AccordEnv';
import { isDeclarationId } from '../api/declarationId';
import type { Logger } from '../Logger';
import { DocumentLoadError } from '../storage/docFromStored';
import { CloseCode } from '@accord/protocol/CloseCode';
import type { DocumentHub } from './DocumentHub';
import { type Peer, ProtocolError } from './Peer';
import { PresenceRefusal } from './PresenceRefusal';
import { truncateReason } from './frames';
import type { Room } from './Room';
import { TokenBucket } from './TokenBucket';

/** The rate limit lets this many seconds' worth of messages through at once (a paste, a reconnection). */
const BURST_SECONDS = 5;

export interface SocketLimits {
  /** A client that stops reading is dropped (1013) once this much is queued for it. */
  maxBufferedBytes: number;
  /** Sustained messages per second per connection; beyond it (after a burst) the connection is closed (4429). */
  maxMessagesPerSecond: number;
  /** Connections to one declaration on this instance; more are refused with 1013 and retry. */
  maxConnectionsPerDeclaration: number;
}

/** Frames a client may send before its room has finished loading; more is not an honest client. */
const MAX_EARLY_FRAMES = 256;

/**
 * The `/collab/:id` WebSocket handler (after `requireMember`): binds one connection to its
 * declaration's room. Every frame is decoded inside a guard, so a malformed one closes that
 * connection with a clear code and reason, never the process or anyone else's connection. A
 * member whose session is revoked is disconnected at once (4401). Presence beyond the limits (A15)
 * is written to the audit log with who sent it.
 */
export function collabSocket(
  upgradeWebSocket: UpgradeWebSocket,
  hub: DocumentHub,
  log: Logger,
  limits: SocketLimits,
  auditRefusal: AuditRefusal,
): MiddlewareHandler<AccordEnv> {
  const byMember = new Map<string, Set<WSContext>>();
  // Open connections per member and declaration: the last one closing ends their visit (C9).
  const visiting = new Map<string, number>();
  // Wherever the revocation was made (A3): the hub says so for this instance and the others.
  hub.on('revoked', (memberId) => {
    for (const ws of byMember.get(memberId) ?? []) ws.close(CloseCode.unauthorized, 'your access to this declaration was revoked');
  });
  // A new role (A3): close now, so no further update is judged with the old one; the client
  // reconnects at once and `requireMember` gives the new connection the new rights.
  hub.on('roleChanged', (memberId) => {
    for (const ws of byMember.get(memberId) ?? []) ws.close(CloseCode.roleChanged, 'your role in this declaration changed; reconnect');
  });
  return upgradeWebSocket((c) => {
    const id = c.req.param('id') ?? '';
    // Set by `requireMember`, which runs first on this route.
    const principal: Principal = (c as Context<AccordEnv>).get('principal');
    // Standard clients never see acknowledgements; Accord's web app asks for them.
    const wantsAck = c.req.query('ack') === '1';
    let room: Room | null = null;
    let peer: Peer | null = null;
    let closed = false;
    const early: Uint8Array[] = [];
    const rate = new TokenBucket(limits.maxMessagesPerSecond, limits.maxMessagesPerSecond * BURST_SECONDS);

    const deliver = (ws: WSContext, frame: Uint8Array) => {
      try {
        room!.receive(peer!, frame);
      } catch (error) {
        if (!(error instanceof ProtocolError)) log.error('unexpected error handling a frame', { declaration: id, error });
        if (error instanceof PresenceRefusal) auditRefusal(id, principal, 'presence-refused', { reason: error.message, actorMemberId: principal.memberId });
        ws.close(error instanceof ProtocolError ? error.closeCode : CloseCode.malformedMessage, truncateReason(error instanceof Error ? error.message : 'malformed message'));
      }
    };

    return {
      onOpen(_event, ws) {
        peer = {
          send: (message) => {
            if (ws.readyState !== 1) return;
            // A client that never reads would make the server hold everyone's edits for it forever.
            const raw = ws.raw as { bufferedAmount?: number } | undefined;
            if ((raw?.bufferedAmount ?? 0) > limits.maxBufferedBytes) {
              ws.close(CloseCode.tryAgainLater, 'client is not reading; reconnect to resync');
              return;
            }
            ws.send(message as Uint8Array<ArrayBuffer>);
          },
          close: (code, reason) => ws.close(code, reason),
          wantsAck,
          principal,
        };
        if (principal.memberId !== null) {
          let sockets = byMember.get(principal.memberId);
          if (!sockets) byMember.set(principal.memberId, (sockets = new Set()));
          sockets.add(ws);
        }
        if (!isDeclarationId(id)) {
          ws.close(CloseCode.unknownDeclaration, 'unknown declaration');
          return;
        }
        hub.acquire(id).then(
          (acquired) => {
            if (!acquired) {
              ws.close(CloseCode.unknownDeclaration, 'unknown declaration');
              return;
            }
            if (closed) {
              hub.release(acquired);
              return;
            }
            if (acquired.peerCount >= limits.maxConnectionsPerDeclaration) {
              hub.release(acquired);
              ws.close(CloseCode.tryAgainLater, 'too many connections to this declaration; retrying later');
              return;
            }
            room = acquired;
            room.addPeer(peer!);
            if (principal.memberId !== null) visiting.set(`${id} ${principal.memberId}`, (visiting.get(`${id} ${principal.memberId}`) ?? 0) + 1);
            for (const frame of early.splice(0)) deliver(ws, frame);
          },
          (error: unknown) => {
            log.error('declaration failed to load', { declaration: id, error });
            ws.close(
              CloseCode.loadFailed,
              error instanceof DocumentLoadError ? 'declaration could not be loaded; stored data kept unchanged' : 'server error while loading',
            );
          },
        );
      },
      onMessage(event, ws) {
        // Closed by the server (revoked, new role): what still arrives is not judged with old rights.
        if (ws.readyState !== 1) return;
        if (!(event.data instanceof ArrayBuffer)) {
          ws.close(CloseCode.malformedMessage, 'text frames are not part of the protocol');
          return;
        }
        if (!rate.take()) {
          ws.close(CloseCode.tooManyMessages, `more than ${limits.maxMessagesPerSecond} messages per second`);
          return;
        }
        const frame = new Uint8Array(event.data);
        if (room) deliver(ws, frame);
        else if (early.length < MAX_EARLY_FRAMES) early.push(frame);
        else ws.close(CloseCode.malformedMessage, 'too many frames before the document was loaded');
      },
      onClose(_event, ws) {
        closed = true;
        if (principal.memberId !== null) {
          const sockets = byMember.get(principal.memberId);
          sockets?.delete(ws);
          if (sockets?.size === 0) byMember.delete(principal.memberId);
        }
        if (room && peer) {
          room.removePeer(peer);
          hub.release(room);
          room = null;
          if (principal.memberId !== null) {
            const key = `${id} ${principal.memberId}`;
            const left = (visiting.get(key) ?? 1) - 1;
            if (left > 0) visiting.set(key, left);
            else {
              visiting.delete(key);
              hub.emit('left', id, principal);
            }
          }
        }
      },
      onError(event) {
        // Oversized frames land here (the socket closes itself with 1009); nothing else to do.
        log.warn('websocket error', { declaration: id, error: String((event as Event & { error?: unknown }).error ?? event.type) });
      },
    };
  });
}
