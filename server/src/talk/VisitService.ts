import { changedPassages } from '@accord/diff/changedPassages';
import { diffDeclarations } from '@accord/diff/diffDeclarations';
import { readDeclaration } from '@accord/model/readDeclaration';
import type { VisitReport } from '@accord/protocol/rest/visit';
import type { Principal } from '../access/Principal';
import type { TalkStore } from '../storage/TalkStore';
import type { DocumentHub } from '../sync/DocumentHub';
import type { CheckpointScheduler } from '../versions/CheckpointScheduler';
import type { VersionService } from '../versions/VersionService';

/**
 * « What changed since my last visit » (C9–C10). When a member's last connection closes, the
 * server saves (or reuses) an automatic checkpoint and remembers its id as where their next visit
 * starts — a version id, never a copy of the text, so the report is a diff between two versions
 * the history already keeps. The mark moves on leaving only once the member has seen what the
 * previous one showed (`acknowledged`): leaving without looking keeps the changes for next time.
 */
export class VisitService {
  constructor(
    private readonly talk: TalkStore,
    private readonly hub: DocumentHub,
    private readonly versions: VersionService,
    /** Saves the marks: a mark is an automatic checkpoint, « by » whoever wrote since the last one. */
    private readonly checkpoints: Pick<CheckpointScheduler, 'saveNow'>,
    private readonly now: () => Date,
  ) {}

  /** C9: the member's visit ended (their last connection to the declaration here closed). */
  async left(declarationId: string, member: Principal): Promise<void> {
    if (member.memberId === null) return;
    const visit = await this.talk.getVisit(declarationId, member.memberId);
    if (visit && !visit.acknowledged) return;
    await this.mark(declarationId, member.memberId, false);
  }

  /** C10: the member saw the changes: the next report starts from the text as it is now. */
  async seen(declarationId: string, member: Principal): Promise<boolean> {
    if (member.memberId === null) return true;
    return this.mark(declarationId, member.memberId, true);
  }

  /** C9: what changed since the member's mark; `null` for an unknown declaration. */
  async report(declarationId: string, member: Principal): Promise<VisitReport | null> {
    const current = await this.hub.read(declarationId, readDeclaration);
    if (!current) return null;
    const visit = member.memberId === null ? null : await this.talk.getVisit(declarationId, member.memberId);
    const empty: VisitReport = { since: null, changedPassages: 0, changedSids: [], newComments: 0, newSuggestions: 0, diff: null };
    if (!visit) return empty;
    const [then, threads, suggestions] = await Promise.all([
      this.versions.readVersion(declarationId, visit.versionId),
      this.talk.listThreads(declarationId),
      this.talk.listSuggestions(declarationId),
    ]);
    // A version is never deleted; a mark without one (a store restored from elsewhere) starts afresh.
    if (!then) return empty;
    const diff = diffDeclarations(then.json, current);
    const sids = changedPassages(diff);
    const byOthers = (author: { memberId: string | null }, at: string) => author.memberId !== member.memberId && at > visit.at;
    return {
      since: { versionId: visit.versionId, at: visit.at },
      changedPassages: sids.length,
      changedSids: sids,
      newComments: threads.reduce((n, t) => n + t.messages.filter((m) => byOthers(m.author, m.createdAt)).length, 0),
      newSuggestions: suggestions.filter((s) => byOthers(s.author, s.createdAt)).length,
      diff,
    };
  }

  private async mark(declarationId: string, memberId: string, acknowledged: boolean): Promise<boolean> {
    const version = await this.checkpoints.saveNow(declarationId);
    if (!version) return false;
    await this.talk.setVisit({ declarationId, memberId, versionId: version.id, at: this.now().toISOString(), acknowledged });
    return true;
  }
}
