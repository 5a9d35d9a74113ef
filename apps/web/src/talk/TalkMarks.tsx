import type { TalkState } from './TalkState';
import { useTalk } from './useTalk';

/**
 * Marks in the text, in both columns (blocks carry `data-sid`): segments with an open thread or
 * suggestion, and those changed since the member's last visit until they saw them. A stylesheet
 * rather than editor decorations: nothing enters the editors, so typing and IME composition are
 * untouched.
 */
export function TalkMarks({ talk }: { talk: TalkState }) {
  const { threads, suggestions, visit } = useTalk(talk);
  const talked = new Set([...threads.filter((th) => !th.resolved).map((th) => th.anchor.sid), ...suggestions.filter((s) => s.status === 'open').map((s) => s.sid)]);
  const changed = new Set(visit?.since ? visit.changedSids : []);
  const rule = (sids: Set<string>, cls: string) =>
    sids.size === 0 ? '' : `${[...sids].map((sid) => `.section-editor__prose [data-sid="${CSS.escape(sid)}"]`).join(',\n')} { ${cls} }\n`;
  const css =
    rule(talked, 'box-shadow: inset 3px 0 0 var(--talk-mark, #8e5bd0); background: var(--talk-mark-bg, rgba(142, 91, 208, 0.06));') +
    rule(changed, 'outline: 2px dashed var(--visit-mark, #d08a1e); outline-offset: 2px;');
  return <style data-testid="talk-marks">{css}</style>;
}
