import type { SectionListChange } from '@accord/model/sectionListChanges';
import type { Principal } from '../access/Principal';
import type { Peer } from './Peer';
import type { Room } from './Room';

/** What a room tells its owner (the DocumentHub): the contract between one document and the rest. */
export interface RoomEvents {
  /** Storage refused a write: the room has closed its peers and must be dropped from memory. */
  failed(room: Room, error: unknown): void;
  /** An update of `bytes` was committed (what compaction counts, S3). */
  committed(room: Room, bytes: number): void;
  /** A peer's update was refused because it wrote where it may not; the peer is being closed. */
  refused(room: Room, peer: Peer, reason: string): void;
  /**
   * Clients' updates are about to remove sections from the list: `before` is the whole state
   * just before them. Awaited before those updates are stored, so the removed sections are in a
   * version before anyone can see them gone (docs/access-and-workflow.md W9).
   */
  removingSections(room: Room, before: Uint8Array): Promise<void>;
  /** Clients' updates changed the section list, as the room applied them; `by`: whose updates touched it. */
  restructured(room: Room, changes: SectionListChange[], by: Principal[]): void;
  /** Clients' updates were stored; `by`: whose (the authors of the next automatic version). */
  wrote(room: Room, by: Principal[]): void;
}

