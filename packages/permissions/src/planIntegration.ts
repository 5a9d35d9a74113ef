import * as Y from 'yjs';
import { describeTarget, type WriteTarget, writeTarget } from './writeTarget';

type Struct = Y.Item | Y.GC | Y.Skip;
/** Any shared type, as Yjs types an item's parent. */
export type SharedType = Exclude<Y.Item['parent'], Y.ID | null>;

/**
 * The type a new item is integrated into, as Yjs will decide it: a type of the document, the type
 * an item of the same update creates, a root the document has never seen, or none at all (Yjs
 * then stores the item as garbage: deleted content with no place).
 */
export type Parent =
  | { kind: 'type'; type: SharedType }
  | { kind: 'fresh'; item: Y.Item }
  | { kind: 'root'; name: string }
  | { kind: 'none' };

/** A new item of the update and where it is integrated: its parent type and, for a map entry, its key. */
export interface PlacedItem {
  item: Y.Item;
  parent: Parent;
  parentSub: string | null;
  /** The root it belongs to; `null` for garbage. */
  root: string | null;
}

export interface IntegrationPlan {
  /** The update holds anything the document does not have yet (A7: a resend of known content is no change). */
  changes: boolean;
  /** Where its new content and new deletions land, each target once (A6). */
  targets: WriteTarget[];
  /** Client ids it writes new structs under (A11: each must belong to the sender's member). */
  writers: Set<number>;
  /**
   * Clients whose content it needs and neither the document nor the update has: a clock gap, a
   * neighbour or parent the document lacks, a deletion of an item it lacks (A12). Yjs would keep
   * such an update pending and apply it later, whenever someone else supplies what it names.
   */
  missing: Set<number>;
  /** Why Yjs would not integrate it where it says, or `null` (A13). */
  malformed: string | null;
  /** Its new items with the type each lands in, for the schema check (A14). */
  items: PlacedItem[];
  /**
   * Roots in which it deletes one of the root's own entries or an entry of one of them (a list
   * element, or a key of an element such as a section's `id`): the deletions that can take a whole
   * section out of the list, which the room keeps a version before (W9). Deeper deletions (the
   * characters of a text, a section title's `fr`, replaced at each keystroke) are not counted.
   */
  deletesEntriesIn: Set<string>;
}

type Resolution = { parent: Parent; parentSub: string | null } | { missing: number } | { malformed: string };

/** The root type and the root-level map key above a piece of content. */
interface Place {
  root: string;
  key: string | null;
}

/**
 * What applying `update` to `doc` would do, decided from how Yjs integrates it (13.6,
 * `Item.getMissing` and `Item.integrate`), without applying it: a refused update never touches
 * the document, and copying the document for every keystroke would cost its whole size.
 *
 * The parent an update declares is not where its content goes:
 * - an item with a left or right origin takes its parent from that neighbour (the encoding omits
 *   the parent then), and only the origin decides the list it joins;
 * - an item starting at a clock the document already has is cut: Yjs keeps the new part and links
 *   it after the previous item of its client, wherever that is, while keeping the parent it
 *   resolved — so a cut item is only accepted when the two agree, as they always do for an honest
 *   client (a run of one client's typing is one list);
 * - a neighbour or parent that is garbage makes the item garbage;
 * - a reference to an item neither the document nor the update has leaves the item pending.
 * References to the item's own client must point backwards: Yjs does not check them, and a
 * forward one makes it throw halfway through a transaction.
 */
export function planIntegration(doc: Y.Doc, update: Uint8Array): IntegrationPlan {
  const { structs, ds } = Y.decodeUpdate(update);
  const planner = new Planner(doc, structs as Struct[]);
  const targets = new Map<string, WriteTarget>();
  const add = (place: Place | null) => {
    const target: WriteTarget = place ? writeTarget(place.root, place.key) : { kind: 'unresolved' };
    targets.set(`${target.kind}:${describeTarget(target)}`, target);
  };
  const plan: IntegrationPlan = { changes: false, targets: [], writers: new Set(), missing: new Set(), malformed: planner.malformed, items: [], deletesEntriesIn: new Set() };

  for (const struct of planner.fresh) {
    plan.changes = true;
    plan.writers.add(struct.id.client);
    // A GC struct is content already deleted together with its parent: it names no place.
    if (!(struct instanceof Y.Item)) continue;
    const resolved = planner.resolve(struct);
    if ('missing' in resolved) plan.missing.add(resolved.missing);
    else if ('malformed' in resolved) plan.malformed ??= resolved.malformed;
    else {
      const place = planner.placeOf(resolved.parent, resolved.parentSub);
      plan.items.push({ item: struct, ...resolved, root: place?.root ?? null });
      if (resolved.parent.kind !== 'none') add(place);
    }
  }

  for (const item of planner.known) {
    const found = planner.references(item);
    if (Array.isArray(found)) continue;
    plan.changes = true;
    if ('missing' in found) plan.missing.add(found.missing);
    else plan.malformed ??= found.malformed;
  }

  for (const [client, ranges] of ds.clients) {
    const state = Y.getState(doc.store, client);
    const known = doc.store.clients.get(client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      // A deletion beyond what the document has must delete content of this very update.
      if (end > planner.reachableClock(client)) {
        plan.changes = true;
        plan.missing.add(client);
      }
      if (!known) continue;
      const knownEnd = Math.min(end, state);
      for (let i = clock < knownEnd ? Y.findIndexSS(known, clock) : known.length; i < known.length && known[i]!.id.clock < knownEnd; i++) {
        const struct = known[i]!;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        plan.changes = true;
        const place = placeOfIntegrated(struct);
        add(place);
        if (place && place.depth <= 2) plan.deletesEntriesIn.add(place.root);
      }
    }
  }
  plan.targets = [...targets.values()];
  return plan;
}

class Planner {
  /** The structs the document does not have yet, in the order of the update. */
  readonly fresh: (Y.Item | Y.GC)[] = [];
  private readonly freshSet = new Set<Struct>();
  /**
   * Items of the update the document has already. Yjs does not integrate them again, but it
   * still looks up their origins and parent first (`getMissing`), so one naming content nobody
   * has leaves the rest of its client pending, and one naming its own later content throws.
   */
  readonly known: Y.Item[] = [];
  malformed: string | null = null;
  private readonly byClient = new Map<number, (Y.Item | Y.GC)[]>();
  /** Per client, the first clock the update cannot supply (a gap before it or a skip at it), if any. */
  private readonly gapAt = new Map<number, number>();
  private readonly memo = new Map<Y.Item, Resolution>();
  private readonly visiting = new Set<Y.Item>();

  constructor(
    private readonly doc: Y.Doc,
    structs: Struct[],
  ) {
    const finished = new Set<number>();
    let current: number | null = null;
    let next = 0;
    for (const struct of structs) {
      const { client, clock } = struct.id;
      if (client !== current) {
        // Yjs keeps one run per client (a later one replaces an earlier one), this reading all:
        // an update that spells a client twice would be checked for what Yjs does not apply.
        if (finished.has(client)) this.malformed ??= `client ${client} appears twice in the update`;
        if (current !== null) finished.add(current);
        current = client;
        const state = Y.getState(doc.store, client);
        if (clock > state) this.gapAt.set(client, state);
      } else if (clock !== next) {
        this.malformed ??= `the structs of client ${client} are not contiguous`;
      }
      next = clock + struct.length;
      if (next <= Y.getState(doc.store, client)) {
        if (struct instanceof Y.Item) this.known.push(struct);
        continue;
      }
      if (struct instanceof Y.Skip) {
        if (!this.gapAt.has(client)) this.gapAt.set(client, Math.max(clock, Y.getState(doc.store, client)));
        continue;
      }
      this.fresh.push(struct);
      this.freshSet.add(struct);
      let list = this.byClient.get(client);
      if (!list) this.byClient.set(client, (list = []));
      list.push(struct);
    }
  }

  /** The clock up to which the document and the update together hold `client`'s content. */
  reachableClock(client: number): number {
    const gap = this.gapAt.get(client);
    if (gap !== undefined) return gap;
    const list = this.byClient.get(client);
    const last = list?.[list.length - 1];
    return last ? last.id.clock + last.length : Y.getState(this.doc.store, client);
  }

  /** Where Yjs integrates a new item: the same decisions as `Item.getMissing` then `Item.integrate`. */
  resolve(item: Y.Item): Resolution {
    const memo = this.memo.get(item);
    if (memo) return memo;
    // Neighbours that refer to each other in a loop: Yjs leaves them pending forever.
    if (this.visiting.has(item)) return { malformed: 'items of the update refer to each other in a loop' };
    this.visiting.add(item);
    const resolution = this.resolveOnce(item);
    this.visiting.delete(item);
    this.memo.set(item, resolution);
    return resolution;
  }

  private resolveOnce(item: Y.Item): Resolution {
    const { client, clock } = item.id;
    const gap = this.gapAt.get(client);
    if (gap !== undefined && clock + item.length > gap) return { missing: client };
    const rawParent = item.parent as unknown as string | Y.ID | null;
    const found = this.references(item);
    if (!Array.isArray(found)) return found;
    const [left, right, parentStruct] = found as [Y.Item | Y.GC | null, Y.Item | Y.GC | null, Y.Item | Y.GC | null];

    let resolved: { parent: Parent; parentSub: string | null };
    if (left instanceof Y.GC || right instanceof Y.GC) resolved = { parent: { kind: 'none' }, parentSub: null };
    else if (rawParent === null) {
      const neighbour = left ?? right;
      resolved = neighbour instanceof Y.Item ? this.parentOf(neighbour) : { parent: { kind: 'none' }, parentSub: null };
    } else if (typeof rawParent === 'string') {
      const root = this.doc.share.get(rawParent);
      resolved = { parent: root ? { kind: 'type', type: root } : { kind: 'root', name: rawParent }, parentSub: item.parentSub };
    } else {
      resolved = { parent: this.typeOf(parentStruct), parentSub: item.parentSub };
    }

    // The cut: only the part after the document's clock is kept, linked after the client's
    // previous item. Honest clients cut only inside one run, whose items share one list.
    const state = Y.getState(this.doc.store, client);
    if (clock < state && resolved.parent.kind !== 'none') {
      const previous = Y.getItem(this.doc.store, Y.createID(client, state - 1)) as Y.Item | Y.GC;
      const sameList =
        previous instanceof Y.Item && resolved.parent.kind === 'type' && previous.parent === resolved.parent.type && previous.parentSub === resolved.parentSub;
      if (!sameList) return { malformed: `client ${client} continues its earlier content elsewhere` };
    }
    return resolved;
  }

  /**
   * The structs an item's origin, right origin and parent id name, as `Item.getMissing` looks
   * them up, or why they cannot be: a client whose content is missing, or a malformed reference.
   */
  references(item: Y.Item): (Y.Item | Y.GC | null)[] | { missing: number } | { malformed: string } {
    const { client, clock } = item.id;
    const rawParent = item.parent as unknown as string | Y.ID | null;
    const found: (Y.Item | Y.GC | null)[] = [];
    for (const ref of [item.origin, item.rightOrigin, rawParent instanceof Y.ID ? rawParent : null]) {
      if (ref === null) {
        found.push(null);
        continue;
      }
      if (ref.client === client && ref.clock >= clock) return { malformed: `client ${client} refers to its own later content` };
      const struct = this.structAt(ref);
      if (struct === null) return { missing: ref.client };
      if (struct instanceof Y.Item && this.isFresh(struct)) {
        const inner = this.resolve(struct);
        if (!('parent' in inner)) return inner;
      }
      found.push(struct);
    }
    return found;
  }

  /** The parent and key a new item takes from its neighbour (`Item.getMissing`, no declared parent). */
  private parentOf(neighbour: Y.Item): { parent: Parent; parentSub: string | null } {
    if (!this.isFresh(neighbour)) {
      const parent = neighbour.parent;
      return { parent: parent instanceof Y.AbstractType ? { kind: 'type', type: parent } : { kind: 'none' }, parentSub: neighbour.parentSub };
    }
    const inner = this.resolve(neighbour);
    return 'parent' in inner ? inner : { parent: { kind: 'none' }, parentSub: null };
  }

  /** The type an item declared as parent creates; anything but a type makes the child garbage. */
  private typeOf(struct: Y.Item | Y.GC | null): Parent {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return { kind: 'none' };
    return this.isFresh(struct) ? { kind: 'fresh', item: struct } : { kind: 'type', type: struct.content.type };
  }

  /** The struct holding `id`, in the document or in the update; `null` when neither has it. */
  private structAt(id: Y.ID): Y.Item | Y.GC | null {
    if (id.clock < Y.getState(this.doc.store, id.client)) return Y.getItem(this.doc.store, id) as Y.Item | Y.GC;
    if (id.clock >= this.reachableClock(id.client)) return null;
    for (const struct of this.byClient.get(id.client) ?? []) {
      if (struct.id.clock <= id.clock && id.clock < struct.id.clock + struct.length) return struct;
    }
    return null;
  }

  private isFresh(item: Y.Item): boolean {
    return this.freshSet.has(item);
  }

  /** The root and root-level key content integrated into `parent` (under `parentSub`) belongs to. */
  placeOf(parent: Parent, parentSub: string | null): Place | null {
    switch (parent.kind) {
      case 'none':
        return null;
      case 'root':
        return { root: parent.name, key: parentSub };
      case 'type':
        return parent.type._item === null ? { root: Y.findRootTypeKey(parent.type), key: parentSub } : placeOfIntegrated(parent.type._item);
      case 'fresh': {
        const inner = this.resolve(parent.item);
        return 'parent' in inner ? this.placeOf(inner.parent, inner.parentSub) : null;
      }
    }
  }
}

/**
 * The place of an item already in the document, up its parents to the root type, and its depth
 * there: 1 for an entry of a root type, 2 for an entry of one of those, and so on.
 */
function placeOfIntegrated(item: Y.Item): (Place & { depth: number }) | null {
  let current = item;
  for (let depth = 1; ; depth++) {
    const parent = current.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parent._item === null) return { root: Y.findRootTypeKey(parent), key: current.parentSub, depth };
    current = parent._item;
  }
}
