import { readDeclaration } from '@accord/model/readDeclaration';
import { changeTargets } from '@accord/permissions/changeTargets';
import { mayChange } from '@accord/permissions/mayWrite';
import type { Member } from '@accord/permissions/roles';
import { readAdoption } from '@accord/workflow/workflowMap';
import type * as Y from 'yjs';

/**
 * Why `member` may not apply `update` to `doc` now (docs/access-and-workflow.md A6–A10), or `null`
 * when it may. An update that cannot even be decoded is not judged here: applying it fails, and
 * the room closes its sender as for any malformed update.
 */
export function writeRefusal(doc: Y.Doc, member: Member, update: Uint8Array): string | null {
  let change: ReturnType<typeof changeTargets>;
  try {
    change = changeTargets(doc, update);
  } catch {
    return null;
  }
  if (!change.changes) return null;
  let sections: Map<string, string> | null = null;
  const decision = mayChange(member, change, {
    adopted: readAdoption(doc) !== null,
    sectionOfSegment: (sid) => {
      // Built only when a rapporteur confirms a translation: rare, and a whole-document read.
      sections ??= new Map(readDeclaration(doc).sections.flatMap((s) => s.segments.map((seg) => [seg.sid, s.id] as const)));
      return sections.get(sid) ?? null;
    },
  });
  return decision.ok ? null : decision.reason;
}
