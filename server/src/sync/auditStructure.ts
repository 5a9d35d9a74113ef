import type { SectionListChange } from '@accord/model/sectionListChanges';
import type { AccessService } from '../access/AccessService';
import type { Principal } from '../access/Principal';
import type { Logger } from '../Logger';

/**
 * Writes the section list changes a room applied to the audit log (W9), one line each, without
 * holding up the room; a failed write is logged. The actor is whose update touched the list; in
 * the rare group where several did, the first is the actor and `by` names them all.
 */
export function auditStructure(access: AccessService, log: Logger, declarationId: string, changes: readonly SectionListChange[], by: readonly Principal[]): void {
  const actor = by[0] ?? { name: '', role: '' };
  for (const { action, sectionId, ...detail } of changes) {
    const facts = { sectionId, detail: by.length > 1 ? { ...detail, by: by.map((p) => p.name) } : detail };
    access.audit(declarationId, actor, action, facts).catch((error: unknown) => {
      log.error('audit log write failed', { declaration: declarationId, action, error });
    });
  }
}
