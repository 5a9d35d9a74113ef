import { readDeclaration } from '@accord/model/readDeclaration';
import { mayChange, type WriteContext } from '@accord/permissions/mayWrite';
import type { Member } from '@accord/permissions/roles';
import type { IntegrationPlan } from '@accord/permissions/planIntegration';
import { schemaRefusal } from '@accord/permissions/schemaRefusal';
import { readAdoption } from '@accord/workflow/workflowMap';
import * as Y from 'yjs';
import type { Principal } from '../access/Principal';
import { SERVER_OWNER, ownerOf } from './ClientIds';

/**
 * At most this many other clients an update may wait for (A12). An honest client that has just
 * reconnected waits for its own offline content, under one client id per page load it kept;
 * an update naming thousands of unknown clients is a probe, not an edit.
 */
export const MAX_AWAITED_CLIENTS = 8;

export type UpdateVerdict =
  | { kind: 'apply' }
  /** It needs content of the sender's own member that has not arrived yet: wait for it (A12). */
  | { kind: 'hold' }
  | { kind: 'refuse'; reason: string };

/**
 * Whether a connection's update may be applied now, from what Yjs would really do with it
 * (`planIntegration`) — docs/access-and-workflow.md A6–A14. `owner(client)` is the owner of a
 * client id as looked up before the check (`null`: nobody's; `undefined`: not looked up).
 */
export function checkUpdate(doc: Y.Doc, principal: Principal, plan: IntegrationPlan, owner: (client: number) => string | null | undefined): UpdateVerdict {
  // A7: a resend of what the server has changes nothing, whoever sends it.
  if (!plan.changes) return { kind: 'apply' };
  const context = writeContext(doc);
  // A5, A10 first: a role that writes nothing is told so, whatever its update holds.
  const blanket = mayChange(principal, { targets: [], changes: true }, context);
  if (!blanket.ok) return refuse(blanket.reason);
  // Kept short: a close reason holds 123 bytes.
  if (plan.malformed !== null) return refuse(`crafted update: ${plan.malformed}`);

  const me = ownerOf(principal);
  for (const client of plan.writers) {
    const holder = owner(client);
    if (holder === me) continue;
    if (holder === SERVER_OWNER) return refuse(`client id ${client} is the server's`);
    if (typeof holder === 'string') return refuse(`client id ${client} belongs to another member`);
    return refuse(`client id ${client} was written by someone else before and is not yours to continue`);
  }

  if (plan.missing.size > 0) {
    const awaitable =
      plan.missing.size <= MAX_AWAITED_CLIENTS &&
      [...plan.missing].every((client) => owner(client) === me || (owner(client) === null && Y.getState(doc.store, client) === 0));
    return awaitable ? { kind: 'hold' } : refuse('the change refers to content the server does not have; reload to resync');
  }

  const landing = mayLand(principal, plan, context);
  return landing.ok ? { kind: 'apply' } : refuse(landing.reason);
}

/** Where the change lands is the member's to write (A5–A10), in the editor's schema (A14). */
function mayLand(member: Member, plan: IntegrationPlan, context: WriteContext): { ok: true } | { ok: false; reason: string } {
  const decision = mayChange(member, plan, context);
  if (!decision.ok) return decision;
  const schema = schemaRefusal(plan.items);
  return schema === null ? { ok: true } : { ok: false, reason: schema };
}

/** What the permission rules need to know of the document as it is now (`WriteContext`). */
function writeContext(doc: Y.Doc): WriteContext {
  let sections: Map<string, string> | null = null;
  return {
    adopted: readAdoption(doc) !== null,
    sectionOfSegment: (sid: string) => {
      // Built only when a rapporteur confirms a translation: rare, and a whole-document read.
      sections ??= new Map(readDeclaration(doc).sections.flatMap((s) => s.segments.map((seg) => [seg.sid, s.id] as const)));
      return sections.get(sid) ?? null;
    },
  };
}

/**
 * Whether a change the server makes on behalf of `member` (an import into a declaration) lands
 * only where that member may write, by the very rules a client's update meets (A5–A10, A14):
 * `plan` is what the change would do to `doc`. Client ids are not checked: the server writes it.
 */
export function checkChangeFor(doc: Y.Doc, member: Member, plan: IntegrationPlan): { ok: true } | { ok: false; reason: string } {
  if (!plan.changes) return { ok: true };
  if (plan.malformed !== null || plan.missing.size > 0) throw new Error(`checkChangeFor: the server made a change Yjs would not integrate (${plan.malformed ?? 'missing content'})`);
  return mayLand(member, plan, writeContext(doc));
}

function refuse(reason: string): UpdateVerdict {
  return { kind: 'refuse', reason };
}
