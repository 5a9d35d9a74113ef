import { EDITOR_MARKS, EDITOR_NODES, isEditorAttributeValue, isPlainValue } from '@accord/model/editorSchema';
import { parseFragmentName } from '@accord/model/declarationLayout';
import * as Y from 'yjs';
import type { Parent, PlacedItem } from './planIntegration';

/** What a parent type is, as far as the schema cares. */
type Shape = { kind: 'fragment' } | { kind: 'element'; nodeName: string } | { kind: 'text' } | { kind: 'other' };

/**
 * Why the new items of an update do not fit the editor's schema, or `null` (A14). Inside a
 * section fragment only elements and attributes of `EDITOR_NODES`, text, and marks of
 * `EDITOR_MARKS` are accepted: a `<script>` element, an embed, a subdocument or an attribute on
 * the fragment would be stored and relayed to every editor. Subdocuments are refused anywhere:
 * a client receiving one may be asked to load another document.
 */
export function schemaRefusal(items: readonly PlacedItem[]): string | null {
  for (const { item, parent, parentSub, root } of items) {
    const content = item.content;
    if (content instanceof Y.ContentDoc) return 'subdocuments are not part of a declaration';
    if (parent.kind === 'none' || content instanceof Y.ContentDeleted) continue;
    if (root === null || parseFragmentName(root) === null) continue;
    const refusal = refusalIn(shapeOf(parent), parentSub, content);
    if (refusal !== null) return `${refusal} (in ${root})`;
  }
  return null;
}

function refusalIn(shape: Shape, key: string | null, content: Y.Item['content']): string | null {
  switch (shape.kind) {
    case 'fragment':
      if (key !== null) return `a section's text has no attribute "${key}"`;
      return blockRefusal(content);
    case 'element': {
      const allowed = EDITOR_NODES[shape.nodeName] ?? [];
      if (key === null) return blockRefusal(content, true);
      if (!allowed.includes(key)) return `a ${shape.nodeName} has no attribute "${key}"`;
      const values = content instanceof Y.ContentAny ? content.arr : null;
      if (values === null || !values.every((value) => isEditorAttributeValue(key, value))) return `a ${shape.nodeName}'s "${key}" cannot be that value`;
      return null;
    }
    case 'text': {
      if (key !== null) return 'text has no attributes';
      if (content instanceof Y.ContentString) return null;
      if (content instanceof Y.ContentFormat) return markRefusal(content.key, content.value);
      return 'text holds only characters and marks';
    }
    case 'other':
      return 'a section holds only the editor’s nodes';
  }
}

/** A child of the fragment or of an element: an element of the schema, or (inside an element) text. */
function blockRefusal(content: Y.Item['content'], textAllowed = false): string | null {
  if (!(content instanceof Y.ContentType)) return 'a section holds only the editor’s nodes';
  const type = content.type;
  if (type instanceof Y.XmlElement) return type.nodeName in EDITOR_NODES ? null : `"${type.nodeName}" is not a node of the editor`;
  if (type instanceof Y.XmlText && textAllowed) return null;
  return 'a section holds only the editor’s nodes';
}

/** The binding stores a mark as a formatting attribute: its name, and its attributes or `null` to end it. */
function markRefusal(name: string, value: unknown): string | null {
  const allowed = EDITOR_MARKS[name];
  if (!allowed) return `"${name}" is not a mark of the editor`;
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return `the mark "${name}" has malformed attributes`;
  for (const [key, attribute] of Object.entries(value)) {
    if (!allowed.includes(key) || !isPlainValue(attribute)) return `the mark "${name}" has no attribute "${key}"`;
  }
  return null;
}

function shapeOf(parent: Exclude<Parent, { kind: 'none' }>): Shape {
  if (parent.kind === 'root') return { kind: 'fragment' };
  const type = parent.kind === 'type' ? parent.type : (parent.item.content as Y.ContentType).type;
  // Roots on the server are often plain `AbstractType`s (applying an update creates them untyped).
  if (type._item === null && parent.kind === 'type') return { kind: 'fragment' };
  if (type instanceof Y.XmlElement) return { kind: 'element', nodeName: type.nodeName };
  if (type instanceof Y.XmlText) return { kind: 'text' };
  return { kind: 'other' };
}
