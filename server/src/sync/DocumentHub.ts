import { getMeta, readBilingual } from '@accord/model/declarationLayout';
import { EventEmitter } from 'node:events';
import type * as Y from 'yjs';
import type { Fanout, FanoutKind } from '../fanout/Fanout';
import { type CompactionPolicy, CompactionScheduler } from '../storage/CompactionScheduler';
import { docFromStored } from '../storage/docFromStored';
import type { Principal } from '../access/Principal';
import type { Member } from '@accord/permissions/roles';
import type { Store } from '../storage/Store';
import type { Logger } from '../Logger';
import type { ChangeAsResult } from './draftChange';
import { Room } from './Room';
import type { RoomEvents } from './RoomEvents';
import type { SectionListChange } from '@accord/model/sectionListChanges';

export interface HubOptions extends CompactionPolicy {
  /** How long a room with no connection stays in memory, so a reconnecting client finds it warm. */
  unloadAfterMs: number;
  /** Largest a declaration may grow in storage; an update beyond it is refused (4413). */
  maxDocumentBytes: number;
}

export interface HubEvents {
  /** A room left memory (its compaction follows in the background). */
  unloaded: [id: string];
  /** The update log of a declaration was folded into its snapshot. */
  compacted: [id: string, updates: number];
  /** A change to a declaration was committed here (from a client of this instance or the server). */
  changed: [id: string];
  /** Clients' updates to a declaration were stored here; `by`: whose. */
  wrote: [id: string, by: Principal[]];
  /** A member was revoked, through this instance or another: their connections here must close (A3). */
  revoked: [memberId: string];
  /** A member's role changed, through this instance or another: their connections here must take it (A3). */
  roleChanged: [memberId: string];
  /** A connection's update was refused: it wrote where its role may not (A6). */
  refused: [id: string, principal: Principal, reason: string];
  /** A member's last connection to a declaration on this instance closed (C9: their visit ends). */
  left: [id: string, principal: Principal];
  /** Clients' updates changed the section list (W9), as applied here; `by`: whose updates touched it. */
  restructured: [id: string, changes: SectionListChange[], by: Principal[]];
}

/**
 * The loaded declarations. A room is loaded on first use, shared by every connection and API read
 * of that declaration, and unloaded (after a compaction) once nobody holds it. Loading the same
 * declaration twice at once yields one room.
 */
export class DocumentHub extends EventEmitter<HubEvents> {
  private readonly rooms = new Map<string, Promise<Room | null>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly compaction: CompactionScheduler;
  private keepBeforeRemoval: ((id: string, state: Uint8Array) => Promise<void>) | null = null;

  /** `fanout`: how to reach other server instances sharing the store; `null` when alone. */
  constructor(
    private readonly store: Store,
    private readonly options: HubOptions,
    private readonly log: Logger,
    private readonly fanout: Fanout | null = null,
  ) {
    super();
    this.compaction = new CompactionScheduler(store, options, log, (id, updates) => this.emit('compacted', id, updates));
    fanout?.onReconnect(() => void this.rereadAll());
  }

  /**
   * What keeps a declaration's state before clients remove sections from it (W9: a version), run
   * and awaited before such an update is stored; a rejection fails the room like a storage error.
   */
  keepStateBeforeSectionRemoval(keep: (id: string, state: Uint8Array) => Promise<void>): void {
    this.keepBeforeRemoval = keep;
  }

  isLoaded(id: string): boolean {
    return this.rooms.has(id);
  }

  /** Number of declarations in memory. */
  get loadedCount(): number {
    return this.rooms.size;
  }

  /**
   * The room of a declaration, retained for the caller (who must `release` it): `null` for an
   * unknown id; rejects with `DocumentLoadError` when the stored document cannot be read.
   */
  async acquire(id: string): Promise<Room | null> {
    let entry = this.rooms.get(id);
    if (!entry) {
      entry = this.load(id);
      this.rooms.set(id, entry);
      entry.then(
        (room) => room === null && this.rooms.get(id) === entry && this.rooms.delete(id),
        () => this.rooms.get(id) === entry && this.rooms.delete(id),
      );
    }
    const room = await entry;
    if (room) {
      room.retain();
      clearTimeout(this.unloadTimers.get(id));
      this.unloadTimers.delete(id);
    }
    return room;
  }

  release(room: Room): void {
    room.release();
    // A room dropped after a storage failure may be released long after its replacement loaded
    // (a silent client's socket closes late): it must not unload that replacement.
    if (room.hasFailed || room.isHeld || this.unloadTimers.has(room.id)) return;
    this.unloadTimers.set(
      room.id,
      setTimeout(() => {
        this.unloadTimers.delete(room.id);
        if (!room.isHeld) void this.unload(room);
      }, this.options.unloadAfterMs),
    );
  }

  /** Reads a declaration's live document: `null` for an unknown id. */
  async read<T>(id: string, read: (doc: Y.Doc) => T): Promise<T | null> {
    const room = await this.acquire(id);
    if (!room) return null;
    try {
      return await room.read(read);
    } finally {
      this.release(room);
    }
  }

  /**
   * Makes a server change to a declaration (`Room.change`: stored and relayed like a client's
   * update) and returns what `mutate` returned; `null` for an unknown id.
   */
  async change<T>(id: string, mutate: (doc: Y.Doc) => T): Promise<{ value: T } | null> {
    const room = await this.acquire(id);
    if (!room) return null;
    try {
      return { value: await room.change(mutate) };
    } finally {
      this.release(room);
    }
  }

  /**
   * A server change on behalf of `member`, made only if the room's write rules allow that member
   * every part of it (`Room.changeAs`); `null` for an unknown id.
   */
  async changeAs<T>(id: string, member: Member, mutate: (doc: Y.Doc) => T): Promise<ChangeAsResult<T> | null> {
    const room = await this.acquire(id);
    if (!room) return null;
    try {
      return await room.changeAs(member, mutate);
    } finally {
      this.release(room);
    }
  }

  /** Unloads every room (compacting each), for a clean shutdown. */
  async close(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    await Promise.all(rooms.map((r) => (r.status === 'fulfilled' && r.value ? this.unload(r.value) : undefined)));
  }

  /**
   * Subscribes to other instances' traffic first, then reads the store: an update another
   * instance commits meanwhile is either in what was read or among the messages held back until
   * the room exists (applying it twice is harmless), never in neither.
   */
  private async load(id: string): Promise<Room | null> {
    let room: Room | null = null;
    const early: [FanoutKind, Uint8Array][] = [];
    if (this.fanout) {
      await this.fanout.join(id, (kind, payload) => {
        if (room) this.fromInstance(room, kind, payload);
        else early.push([kind, payload]);
      });
    }
    try {
      const stored = await this.store.loadDocument(id);
      if (!stored) {
        await this.fanout?.leave(id);
        return null;
      }
      const size = (stored.snapshot?.length ?? 0) + stored.updates.reduce((sum, u) => sum + u.length, 0);
      room = this.createRoom(id, docFromStored(id, stored), size);
      this.compaction.loaded(id, stored.snapshot?.length ?? 0);
    } catch (error) {
      await this.fanout?.leave(id);
      throw error;
    }
    for (const [kind, payload] of early) this.fromInstance(room, kind, payload);
    return room;
  }

  /**
   * A member was revoked (A3): their connections close at once, here (the hub's `revoked` event)
   * and on every other instance that has the declaration loaded (through the fan-out).
   */
  revoke(declarationId: string, memberId: string): void {
    this.emit('revoked', memberId);
    this.fanout?.publish(declarationId, 'revoked', new TextEncoder().encode(memberId));
  }

  /** A member's role changed (A3): here and on every other instance, as `revoke` does. */
  roleChanged(declarationId: string, memberId: string): void {
    this.emit('roleChanged', memberId);
    this.fanout?.publish(declarationId, 'role-changed', new TextEncoder().encode(memberId));
  }

  private fromInstance(room: Room, kind: FanoutKind, payload: Uint8Array): void {
    if (kind === 'revoked') {
      this.emit('revoked', new TextDecoder().decode(payload));
      return;
    }
    if (kind === 'role-changed') {
      this.emit('roleChanged', new TextDecoder().decode(payload));
      return;
    }
    // Talk events have a channel of their own (TalkFeed); one here is nobody's document update.
    if (kind === 'talk') return;
    const failed = (error: unknown) =>
      this.log.error('could not apply a message from another instance', { declaration: room.id, kind, error });
    try {
      room.receiveFromInstance(kind, payload).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  /** After the fan-out was cut off: what other instances stored meanwhile comes from the store. */
  private async rereadAll(): Promise<void> {
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    for (const entry of rooms) {
      if (entry.status !== 'fulfilled' || !entry.value) continue;
      const room = entry.value;
      try {
        await room.rereadStore();
      } catch (error) {
        this.log.error('re-reading a declaration after a fan-out outage failed', { declaration: room.id, error });
      }
    }
  }

  private createRoom(id: string, doc: Y.Doc, sizeBytes: number): Room {
    const events: RoomEvents = {
      failed: (room, error) => {
        this.log.error('storage write failed; room dropped so it reloads from storage', { declaration: id, error });
        this.rooms.delete(id);
        this.compaction.forget(id);
        this.leaveFanout(id);
        room.destroy();
      },
      committed: (room, bytes) => {
        this.emit('changed', room.id);
        this.compaction.committed(room.id, bytes, () => readBilingual(getMeta(room.doc).get('title')));
      },
      refused: (room, peer, reason) => this.emit('refused', room.id, peer.principal, reason),
      removingSections: async (room, state) => {
        await this.keepBeforeRemoval?.(room.id, state);
      },
      restructured: (room, changes, by) => this.emit('restructured', room.id, changes, by),
      wrote: (room, by) => this.emit('wrote', room.id, by),
    };
    return new Room(id, doc, this.store, events, sizeBytes, this.options.maxDocumentBytes, this.fanout);
  }

  private async unload(room: Room): Promise<void> {
    const title = readBilingual(getMeta(room.doc).get('title'));
    this.rooms.delete(room.id);
    room.destroy();
    this.emit('unloaded', room.id);
    this.leaveFanout(room.id);
    await this.compaction.unloaded(room.id, title);
  }

  private leaveFanout(id: string): void {
    this.fanout?.leave(id).catch((error: unknown) => this.log.warn('fan-out unsubscribe failed', { declaration: id, error }));
  }
}
