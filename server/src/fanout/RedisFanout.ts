import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../Logger';
import type { Fanout, FanoutHandler, FanoutKind } from './Fanout';
import { errorMessage } from '../errorMessage';

// Appended only: an instance of the previous release reads a message's kind by its index.
const KINDS: readonly FanoutKind[] = ['update', 'awareness', 'revoked', 'talk', 'role-changed'];

/**
 * Fan-out over Redis pub/sub, one channel per declaration (`<prefix><id>`).
 *
 * A message is `varString(instanceId) · varUint(kind) · varUint8Array(payload)`: the instance id
 * lets each instance drop its own messages, which Redis delivers back to it like anyone else's.
 * Pub/sub keeps nothing, which suits this use: the store is the record, Redis only makes other
 * instances hear of it sooner.
 */
export class RedisFanout implements Fanout {
  private readonly instanceId = randomUUID();
  private readonly handlers = new Map<string, FanoutHandler>();
  private readonly reconnectListeners: (() => void)[] = [];

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.deliver(channel.toString(), message));
    let ready = true;
    const lost = () => {
      if (!ready) return;
      ready = false;
      log.error('redis connection lost: other instances will not see live edits until it returns');
    };
    sub.on('close', lost);
    sub.on('ready', () => {
      if (ready) return;
      ready = true;
      log.info('redis connection back: re-reading loaded declarations from storage');
      for (const listener of this.reconnectListeners) listener();
    });
    // ioredis retries on its own; an unhandled 'error' event would end the process.
    const onError = (error: Error) => log.warn('redis error', { error: error.message });
    pub.on('error', onError);
    sub.on('error', onError);
  }

  /** Connects both clients (publishing and subscribing need one each); rejects if Redis is unreachable. */
  static async open(url: string, log: Logger, prefix = 'accord:'): Promise<RedisFanout> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 3 };
    const pub = new Redis(url, options);
    const sub = new Redis(url, options);
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (error) {
      pub.disconnect();
      sub.disconnect();
      throw new Error(`cannot connect to Redis at ${redact(url)}: ${errorMessage(error)}`);
    }
    return new RedisFanout(pub, sub, prefix, log);
  }

  async join(id: string, handler: FanoutHandler): Promise<void> {
    this.handlers.set(id, handler);
    await this.sub.subscribe(this.prefix + id);
  }

  async leave(id: string): Promise<void> {
    this.handlers.delete(id);
    await this.sub.unsubscribe(this.prefix + id);
  }

  publish(id: string, kind: FanoutKind, payload: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeVarUint(encoder, KINDS.indexOf(kind));
    encoding.writeVarUint8Array(encoder, payload);
    this.pub.publish(this.prefix + id, Buffer.from(encoding.toUint8Array(encoder))).catch((error: unknown) => {
      this.log.warn('redis publish failed; other instances catch up from storage', { declaration: id, error });
    });
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }

  private deliver(channel: string, message: Buffer): void {
    if (!channel.startsWith(this.prefix)) return;
    const handler = this.handlers.get(channel.slice(this.prefix.length));
    if (!handler) return;
    let from: string;
    let kind: FanoutKind | undefined;
    let payload: Uint8Array;
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message));
      from = decoding.readVarString(decoder);
      kind = KINDS[decoding.readVarUint(decoder)];
      payload = decoding.readVarUint8Array(decoder);
    } catch {
      this.log.warn('malformed fan-out message ignored', { channel });
      return;
    }
    if (from === this.instanceId || kind === undefined) return;
    handler(kind, payload);
  }
}

/** A connection string without its password, for messages and logs. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
