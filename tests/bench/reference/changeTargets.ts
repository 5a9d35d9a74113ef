import * as Y from 'yjs';
/**
 * The write check's placement as it was before docs/access-and-workflow.md A11–A14 (it trusted
 * the parent an update declares and ignored what it lacked), kept only as the write-check
 * bench's reference: the cost of today's check is printed next to it.
 */
import { describeTarget, type WriteTarget, writeTarget } from '@accord/permissions/writeTarget';

export interface ChangeTargets {
  /** Where the update's new content and new deletions land, each target once. */
  targets: WriteTarget[];
  /** The update holds anything the document does not have yet (even content with no place, A7). */
  changes: boolean;
}

/** Where a struct sits: the root type it belongs to, and the root-level map key above it, if any. */
interface Place {
  root: string;
  key: string | null;
}

type Struct = Y.Item | Y.GC | Y.Skip;
/** How a struct names its parent before integration: a root name, its parent item's id, or nothing (then it is its neighbour's). */
type RawParent = string | Y.ID | null;

/**
 * What applying `update` to `doc` would change, and where (docs/access-and-workflow.md A6–A8),
 * computed without applying it, so a forbidden update never touches the document.
 *
 * Why decoding rather than applying to a copy: copying the document for every keystroke costs its
 * whole size, while an update names its own place cheaply. A new item names its parent (a root
 * name or a parent item's id) or, more often, only its neighbours, whose parent it shares; those
 * may be in the document or earlier in the same update. A deletion names ids, which are looked up
 * in the document. Content already in the document (a reconnecting client resending it) and
 * deletions already made are not changes. What cannot be placed is `unresolved`.
 */
export function changeTargets(doc: Y.Doc, update: Uint8Array): ChangeTargets {
  const { structs, ds } = Y.decodeUpdate(update);
  const targets = new Map<string, WriteTarget>();
  const add = (target: WriteTarget) => targets.set(`${target.kind}:${describeTarget(target)}`, target);
  const fresh = new FreshStructs(structs as Struct[], doc);
  const places = new Placer(doc, fresh);
  let changes = false;

  for (const struct of fresh.all) {
    changes = true;
    // A GC struct is content already deleted together with its parent: it adds nothing visible
    // and names no place. Skips are holes in the update, not content.
    if (!(struct instanceof Y.Item)) continue;
    const place = places.ofFresh(struct);
    add(place ? writeTarget(place.root, place.key) : { kind: 'unresolved' });
  }

  for (const [client, ranges] of ds.clients) {
    const known = doc.store.clients.get(client);
    if (!known) continue; // deletions of content the document lacks do nothing now
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, state);
      if (clock >= end) continue;
      for (let i = Y.findIndexSS(known, clock); i < known.length && known[i]!.id.clock < end; i++) {
        const struct = known[i]!;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        changes = true;
        const place = placeOfIntegrated(struct);
        add(place ? writeTarget(place.root, place.key) : { kind: 'unresolved' });
      }
    }
  }
  return { targets: [...targets.values()], changes };
}

/** The structs of an update that the document does not have yet, indexed by id for lookups. */
class FreshStructs {
  readonly all: Struct[] = [];
  private readonly byClient = new Map<number, Struct[]>();

  constructor(structs: Struct[], doc: Y.Doc) {
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue;
      const { client, clock } = struct.id;
      if (clock + struct.length <= Y.getState(doc.store, client)) continue;
      this.all.push(struct);
      let list = this.byClient.get(client);
      if (!list) this.byClient.set(client, (list = []));
      list.push(struct);
    }
  }

  find(id: Y.ID): Struct | null {
    for (const struct of this.byClient.get(id.client) ?? []) {
      if (struct.id.clock <= id.clock && id.clock < struct.id.clock + struct.length) return struct;
    }
    return null;
  }
}

class Placer {
  private readonly memo = new Map<Struct, Place | null>();
  private readonly visiting = new Set<Struct>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly fresh: FreshStructs,
  ) {}

  /** The place of an item of the update: from its parent, else from a neighbour's place. */
  ofFresh(item: Y.Item): Place | null {
    if (this.memo.has(item)) return this.memo.get(item)!;
    // A crafted update can make neighbours refer to each other in a loop: it has no place.
    if (this.visiting.has(item)) return null;
    this.visiting.add(item);
    const parent = item.parent as RawParent | Y.AbstractType<unknown>;
    let place: Place | null;
    if (typeof parent === 'string') place = { root: parent, key: item.parentSub };
    else if (parent instanceof Y.ID) place = this.ofId(parent);
    else if (parent === null) place = (item.origin && this.ofId(item.origin)) || (item.rightOrigin && this.ofId(item.rightOrigin)) || null;
    else place = null;
    this.visiting.delete(item);
    this.memo.set(item, place);
    return place;
  }

  /**
   * The place of the struct with id `id`, as a parent or a neighbour: the content it is part of.
   * Whether `id` is a parent or a sibling does not matter here, since both share the root and
   * root-level key of their ancestors.
   */
  private ofId(id: Y.ID): Place | null {
    if (id.clock < Y.getState(this.doc.store, id.client)) {
      const struct = Y.getItem(this.doc.store, id) as Struct;
      return struct instanceof Y.Item ? placeOfIntegrated(struct) : null;
    }
    const struct = this.fresh.find(id);
    return struct instanceof Y.Item ? this.ofFresh(struct) : null;
  }
}

/** The place of an item already in the document: up its parents to the root type. */
function placeOfIntegrated(item: Y.Item): Place | null {
  let current = item;
  for (;;) {
    const parent = current.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parent._item === null) {
      const root = Y.findRootTypeKey(parent);
      return { root, key: current.parentSub };
    }
    current = parent._item;
  }
}
