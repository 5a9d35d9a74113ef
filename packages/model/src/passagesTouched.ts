import * as Y from 'yjs';
import { parseFragmentName } from './declarationLayout';

/**
 * The passages a transaction changed, as a person counts changes: typing fifteen letters into one
 * paragraph is one changed passage, not fifteen. A passage is a textblock of one language, named
 * `<lang>:<sid>` (the same sid on the other side is another passage: two people may have to look
 * at it). What lies outside any textblock is named by where it sits: a section's title in French
 * is `sections/<section id>/title/fr`, a translation confirmation `translations/<sid>`, and a
 * change to a fragment's own list of blocks that no sid covers is `<lang>:section/<section id>`.
 *
 * Call it from the document's `afterTransaction` event: deleted items still hold their parent and
 * attributes then, before Yjs garbage-collects them, so a deleted paragraph is still named by its
 * sid.
 */
export function passagesTouched(transaction: Y.Transaction): Set<string> {
  const passages = new Set<string>();
  const store = transaction.doc.store;
  // A paste inserts many items into a few blocks: each root is looked up once per transaction.
  const roots = new Map<Shared, string>();
  const passageOf = (item: Y.Item) => passageOfItem(item, roots);
  transaction.afterState.forEach((clock, client) => {
    const before = transaction.beforeState.get(client) ?? 0;
    if (clock <= before) return;
    const structs = store.clients.get(client);
    if (!structs) return;
    for (let index = Y.findIndexSS(structs, before); index < structs.length; index++) {
      const struct = structs[index];
      if (struct instanceof Y.Item) passages.add(passageOf(struct));
    }
  });
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (struct instanceof Y.Item) passages.add(passageOf(struct));
  });
  return passages;
}

/** What the walk up from an item reads of each shared type on the way. */
interface Shared {
  _item: Y.Item | null;
  _map: Map<string, Y.Item>;
  doc: Y.Doc | null;
}

/** The name of the passage `item` belongs to (see `passagesTouched`); `roots` remembers root names. */
function passageOfItem(item: Y.Item, roots: Map<Shared, string>): string {
  const path: string[] = [];
  // An inserted or deleted block is its own passage: start from the block itself.
  let type: Shared | null = item.content instanceof Y.ContentType ? item.content.type : null;
  let sid: string | null = null;
  let current: Y.Item | null = item;
  if (type === null) {
    if (item.parentSub !== null) path.push(item.parentSub);
    type = item.parent instanceof Y.AbstractType ? item.parent : null;
  }
  while (type !== null) {
    if (sid === null && type instanceof Y.XmlElement) sid = attributeOf(type, 'sid');
    if (type instanceof Y.Map) {
      const id = attributeOf(type, 'id');
      if (id !== null) path.push(id);
    }
    current = type._item;
    if (current === null) break;
    if (current.parentSub !== null) path.push(current.parentSub);
    type = current.parent instanceof Y.AbstractType ? current.parent : null;
  }
  const root = type === null ? '' : rootName(type, roots);
  const fragment = parseFragmentName(root);
  if (fragment) return sid !== null ? `${fragment.lang}:${sid}` : `${fragment.lang}:section/${fragment.sectionId}`;
  return [root, ...path.reverse()].join('/');
}

/**
 * A string value of a map key or XML attribute, read from the item itself: a deleted block's
 * attributes are deleted with it, and `getAttribute` would no longer see them.
 */
function attributeOf(type: Shared, key: string): string | null {
  const entry = type._map.get(key);
  if (!entry || !(entry.content instanceof Y.ContentAny)) return null;
  const value: unknown = entry.content.getContent()[0];
  return typeof value === 'string' && value !== '' ? value : null;
}

function rootName(type: Shared, roots: Map<Shared, string>): string {
  let name = roots.get(type);
  if (name === undefined) {
    name = type.doc ? Y.findRootTypeKey(type as unknown as Y.AbstractType<unknown>) : '';
    roots.set(type, name);
  }
  return name;
}
