import { FROZEN_REASON } from '@accord/permissions/mayWrite';
import { findSegmentBlock } from '@accord/model/findTextblock';
import { textblockText } from '@accord/model/fragmentSegments';
import { replaceTextblockText } from '@accord/model/replaceTextblockText';
import { isAuthor, mayDecide, maySuggest } from '@accord/permissions/talkRights';
import type { NewSuggestionBody, Suggestion } from '@accord/protocol/rest/suggestions';
import { readAdoption } from '@accord/workflow/workflowMap';
import type { AccessService } from '../access/AccessService';
import type { Principal } from '../access/Principal';
import { newRecordId } from '../access/secretToken';
import type { AccessStore } from '../storage/AccessStore';
import type { SuggestionRecord, TalkStore } from '../storage/TalkStore';
import type { DocumentHub } from '../sync/DocumentHub';
import type { Notifier } from './Notifier';
import { refuse, type TalkResult } from './TalkFailure';
import type { TalkFeed } from './TalkFeed';
import { authorOf, suggestionView } from './talkViews';

/** The setting (per declaration) by which the administrator lets observers suggest (C6). */
export const observersSuggestSetting = (declarationId: string) => `observers_suggest/${declarationId}`;

const CHANGED = 'the passage changed since the suggestion was made; it was not applied — read the text as it is now and suggest again';

/**
 * Suggestions (C6–C8): new wording for one segment in one language, proposed by someone who may
 * not (or chooses not to) write it, accepted or rejected by a committee. An acceptance is applied
 * as a server change through the room (like a restore, S14), against the text as it is at that
 * moment in the room's queue; the decision is taken in the store first, atomically, so of two
 * committees accepting at once (on one instance or two) the text changes once.
 */
export class SuggestionService {
  constructor(
    private readonly talk: TalkStore,
    private readonly settings: AccessStore,
    private readonly hub: DocumentHub,
    private readonly access: AccessService,
    private readonly feed: TalkFeed,
    private readonly notifier: Notifier,
    private readonly now: () => Date,
  ) {}

  async list(declarationId: string): Promise<Suggestion[]> {
    return (await this.talk.listSuggestions(declarationId)).map(suggestionView);
  }

  async observersMaySuggest(declarationId: string): Promise<boolean> {
    return (await this.settings.getSetting(observersSuggestSetting(declarationId))) === 'yes';
  }

  async setObserversMaySuggest(declarationId: string, actor: Principal, allowed: boolean): Promise<TalkResult<boolean>> {
    if (actor.role !== 'admin') return refuse('forbidden', 'only an administrator decides whether observers may suggest');
    await this.settings.setSetting(observersSuggestSetting(declarationId), allowed ? 'yes' : 'no');
    await this.access.audit(declarationId, actor, 'talk-settings', { detail: { observersMaySuggest: allowed } });
    return { ok: true, value: allowed };
  }

  /** C6: a suggestion on the passage as the author saw it (`baseText`), which must still be the text. */
  async suggest(declarationId: string, actor: Principal, body: NewSuggestionBody): Promise<TalkResult<Suggestion>> {
    if (!maySuggest(actor.role, await this.observersMaySuggest(declarationId))) {
      return refuse('forbidden', 'observers may suggest only when the administrator allows it');
    }
    const current = await this.hub.read(declarationId, (doc) => {
      if (readAdoption(doc) !== null) return 'frozen' as const;
      const block = findSegmentBlock(doc, body.sectionId, body.language, body.sid);
      return block ? textblockText(block) : null;
    });
    if (current === null) return refuse('not_found', `no passage "${body.sid}" in the ${body.language} text of section "${body.sectionId}"`);
    if (current === 'frozen') return refuse('frozen', FROZEN_REASON);
    if (current !== body.baseText) return refuse('passage_changed', 'the passage changed while you wrote your suggestion; read it again');
    const record: SuggestionRecord = {
      id: newRecordId('g'),
      declarationId,
      sectionId: body.sectionId,
      sid: body.sid,
      language: body.language,
      baseText: body.baseText,
      text: body.text,
      comment: body.comment ?? '',
      author: authorOf(actor),
      createdAt: this.now().toISOString(),
      status: 'open',
      decided: null,
    };
    await this.talk.createSuggestion(record);
    await this.access.audit(declarationId, actor, 'suggestion-made', {
      sectionId: record.sectionId,
      detail: { suggestionId: record.id, sid: record.sid, language: record.language, baseText: record.baseText, text: record.text, comment: record.comment },
    });
    const view = this.published(declarationId, record);
    const committees = await this.notifier.membersWithRole(declarationId, ['committee-fr', 'committee-ja']);
    await this.notifier.notify(declarationId, committees, { kind: 'suggestion', actor, sectionId: record.sectionId, text: record.text, ref: record.id });
    return { ok: true, value: view };
  }

  /**
   * C7–C8: accepts and applies. Refused, with the reason, when the suggestion was already decided,
   * the declaration is adopted, or the passage is no longer the text the suggestion was made on —
   * in which case it stays open and nothing is written.
   */
  async accept(declarationId: string, actor: Principal, suggestionId: string): Promise<TalkResult<Suggestion>> {
    if (!mayDecide(actor.role)) return refuse('forbidden', `the ${actor.role} role may not accept a suggestion (committees only)`);
    const found = await this.open(declarationId, suggestionId);
    if (!found.ok) return found;
    const s = found.value;
    const decision = { by: actor.name, role: actor.role, at: this.now().toISOString(), reason: '' };
    if (!(await this.talk.decideSuggestion(declarationId, suggestionId, 'accepted', decision))) return this.alreadyDecided(declarationId, suggestionId);
    let outcome: 'applied' | 'frozen' | 'changed' | null;
    try {
      const changed = await this.hub.change(declarationId, (doc) => {
        if (readAdoption(doc) !== null) return 'frozen' as const;
        const block = findSegmentBlock(doc, s.sectionId, s.language, s.sid);
        if (!block || textblockText(block) !== s.baseText) return 'changed' as const;
        replaceTextblockText(block, s.text);
        return 'applied' as const;
      });
      outcome = changed?.value ?? null;
    } catch (error) {
      await this.talk.reopenSuggestion(declarationId, suggestionId);
      throw error;
    }
    if (outcome !== 'applied') {
      await this.talk.reopenSuggestion(declarationId, suggestionId);
      if (outcome === null) return refuse('not_found', `no declaration with id "${declarationId}"`);
      await this.access.audit(declarationId, actor, 'suggestion-refused', { sectionId: s.sectionId, detail: { suggestionId, reason: outcome } });
      return outcome === 'frozen' ? refuse('frozen', FROZEN_REASON) : refuse('passage_changed', CHANGED);
    }
    const accepted: SuggestionRecord = { ...s, status: 'accepted', decided: decision };
    await this.access.audit(declarationId, actor, 'suggestion-accepted', {
      sectionId: s.sectionId,
      detail: { suggestionId, sid: s.sid, language: s.language, baseText: s.baseText, text: s.text, author: s.author.name },
    });
    return { ok: true, value: await this.decided(declarationId, accepted, actor) };
  }

  /** C7: a committee rejects (with a reason, if it gives one). */
  async reject(declarationId: string, actor: Principal, suggestionId: string, reason: string): Promise<TalkResult<Suggestion>> {
    if (!mayDecide(actor.role)) return refuse('forbidden', `the ${actor.role} role may not reject a suggestion (committees only)`);
    return this.close(declarationId, actor, suggestionId, 'rejected', reason);
  }

  /** C7: the author withdraws their own open suggestion. */
  async withdraw(declarationId: string, actor: Principal, suggestionId: string): Promise<TalkResult<Suggestion>> {
    const found = await this.open(declarationId, suggestionId);
    if (!found.ok) return found;
    if (!isAuthor(actor, found.value.author)) return refuse('forbidden', 'only its author withdraws a suggestion');
    return this.close(declarationId, actor, suggestionId, 'withdrawn', '');
  }

  private async close(declarationId: string, actor: Principal, suggestionId: string, status: 'rejected' | 'withdrawn', reason: string): Promise<TalkResult<Suggestion>> {
    const found = await this.open(declarationId, suggestionId);
    if (!found.ok) return found;
    const decision = { by: actor.name, role: actor.role, at: this.now().toISOString(), reason };
    if (!(await this.talk.decideSuggestion(declarationId, suggestionId, status, decision))) return this.alreadyDecided(declarationId, suggestionId);
    await this.access.audit(declarationId, actor, `suggestion-${status}`, { sectionId: found.value.sectionId, detail: { suggestionId, reason } });
    return { ok: true, value: await this.decided(declarationId, { ...found.value, status, decided: decision }, actor) };
  }

  private async decided(declarationId: string, s: SuggestionRecord, actor: Principal): Promise<Suggestion> {
    const view = this.published(declarationId, s);
    if (s.author.memberId !== null) {
      const author = await this.notifier.members(declarationId, (m) => m.id === s.author.memberId);
      await this.notifier.notify(declarationId, author, { kind: 'suggestion-decided', actor, sectionId: s.sectionId, text: `${s.status}: ${s.text}`, ref: s.id });
    }
    return view;
  }

  private async open(declarationId: string, suggestionId: string): Promise<TalkResult<SuggestionRecord>> {
    const s = await this.talk.getSuggestion(declarationId, suggestionId);
    if (!s) return refuse('not_found', `no suggestion "${suggestionId}" in this declaration`);
    if (s.status !== 'open') return this.alreadyDecided(declarationId, suggestionId, s);
    return { ok: true, value: s };
  }

  private async alreadyDecided(declarationId: string, suggestionId: string, known?: SuggestionRecord): Promise<TalkResult<never>> {
    const s = known ?? (await this.talk.getSuggestion(declarationId, suggestionId));
    const by = s?.decided ? ` by ${s.decided.by} at ${s.decided.at}` : '';
    return refuse('already_decided', `this suggestion was already ${s?.status ?? 'decided'}${by}`);
  }

  private published(declarationId: string, s: SuggestionRecord): Suggestion {
    const view = suggestionView(s);
    this.feed.publish(declarationId, { type: 'suggestion', suggestion: view });
    return view;
  }
}
