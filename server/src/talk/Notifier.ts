import type { NotificationKind } from '@accord/protocol/rest/notifications';
import type { Role } from '@accord/permissions/roles';
import type { SectionAction } from '@accord/workflow/sectionWorkflow';
import { newRecordId } from '../access/secretToken';
import type { AccessStore, MemberRecord } from '../storage/AccessStore';
import type { NotificationRecord, TalkStore } from '../storage/TalkStore';
import type { TalkFeed } from './TalkFeed';

/**
 * Where notifications may also go besides the app (C11): an e-mail sender, one day. Called after
 * each notification is stored, with the member it is for; what it throws is logged, never fatal.
 * Accord ships none (there is no mail server).
 */
export type NotificationHook = (notification: NotificationRecord, member: MemberRecord) => void | Promise<void>;

export interface NotificationFacts {
  kind: NotificationKind;
  actor: { memberId: string | null; name: string };
  sectionId: string | null;
  text: string;
  ref: string | null;
}

/** Who is told what (C11): stores one notification per recipient, sends it live, calls the hook. */
export class Notifier {
  constructor(
    private readonly talk: TalkStore,
    private readonly access: AccessStore,
    private readonly feed: TalkFeed,
    private readonly now: () => Date,
    private readonly hook: NotificationHook | null,
    private readonly onHookError: (error: unknown) => void,
  ) {}

  /** The declaration's members (not revoked) with one of `roles`, or for whom `pick` says yes. */
  async members(declarationId: string, pick: (member: MemberRecord) => boolean): Promise<MemberRecord[]> {
    return (await this.access.listMembers(declarationId)).filter((m) => m.revokedAt === null && pick(m));
  }

  membersWithRole(declarationId: string, roles: readonly Role[]): Promise<MemberRecord[]> {
    return this.members(declarationId, (m) => roles.includes(m.role));
  }

  /**
   * C11: a section sent back is told to its rapporteurs, with the reason; a submission to the
   * committees, who validate next.
   */
  async workflowActed(declarationId: string, sectionId: string, actor: { memberId: string | null; name: string }, action: SectionAction, comment: string): Promise<void> {
    if (action === 'send-back') {
      const rapporteurs = await this.members(declarationId, (m) => m.role === 'rapporteur' && m.sections.includes(sectionId));
      await this.notify(declarationId, rapporteurs, { kind: 'sent-back', actor, sectionId, text: comment.trim(), ref: null });
    } else if (action === 'submit') {
      const committees = await this.membersWithRole(declarationId, ['committee-fr', 'committee-ja']);
      await this.notify(declarationId, committees, { kind: 'submitted', actor, sectionId, text: '', ref: null });
    }
  }

  /** Tells each of `recipients` (never the actor themself), once each. */
  async notify(declarationId: string, recipients: readonly MemberRecord[], facts: NotificationFacts): Promise<void> {
    const at = this.now().toISOString();
    const seen = new Set<string>();
    const told = recipients.filter((m) => m.id !== facts.actor.memberId && !seen.has(m.id) && seen.add(m.id));
    const records: NotificationRecord[] = told.map((m) => ({
      id: newRecordId('n'),
      declarationId,
      memberId: m.id,
      kind: facts.kind,
      at,
      actor: facts.actor.name,
      sectionId: facts.sectionId,
      text: facts.text.slice(0, 500),
      ref: facts.ref,
      readAt: null,
    }));
    if (records.length === 0) return;
    await this.talk.addNotifications(records);
    records.forEach((notification, i) => {
      const { memberId, declarationId: _, ...shown } = notification;
      this.feed.publish(declarationId, { type: 'notification', memberId, notification: { ...shown } });
      if (this.hook) {
        Promise.resolve()
          .then(() => this.hook!(notification, told[i]!))
          .catch(this.onHookError);
      }
    });
  }
}
