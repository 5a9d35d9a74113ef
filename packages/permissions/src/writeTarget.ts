import { type Lang, META, parseFragmentName, SECTIONS } from '@accord/model/declarationLayout';
import { TRANSLATIONS } from '@accord/model/translationState';

/** Root map the server alone writes: section states and the adoption (docs/access-and-workflow.md). */
export const WORKFLOW = 'workflow';
/** Root map of « not an error » dismissals of review findings; the server alone writes it (A9). */
export const REVIEW = 'review';
/** Root map of the FR↔JA glossary the review checks; committees and administrators write it (A19). */
export const GLOSSARY = 'glossary';

/**
 * Where one change to a declaration's document lands (A6). Permissions are decided per target,
 * so every root the document layout knows has a kind; anything else is `foreign`.
 */
export type WriteTarget =
  | { kind: 'fragment'; sectionId: string; lang: Lang }
  | { kind: 'sections' }
  | { kind: 'meta' }
  /** One translation confirmation, keyed by segment id; `sid` is `null` when the key is unknown. */
  | { kind: 'translation'; sid: string | null }
  | { kind: 'workflow' }
  | { kind: 'review' }
  | { kind: 'glossary' }
  | { kind: 'foreign'; root: string }
  /** A change whose place the server cannot determine (it refers to items the server lacks, A8). */
  | { kind: 'unresolved' };

/**
 * The target of a change inside root type `root`; `key` is the map key it sets when the change is
 * a direct entry of a root map (what a translation confirmation is), else `null`.
 */
export function writeTarget(root: string, key: string | null): WriteTarget {
  if (root === SECTIONS) return { kind: 'sections' };
  if (root === META) return { kind: 'meta' };
  if (root === TRANSLATIONS) return { kind: 'translation', sid: key };
  if (root === WORKFLOW) return { kind: 'workflow' };
  if (root === REVIEW) return { kind: 'review' };
  if (root === GLOSSARY) return { kind: 'glossary' };
  const fragment = parseFragmentName(root);
  if (fragment) return { kind: 'fragment', ...fragment };
  return { kind: 'foreign', root };
}

/** A stable string for a target, to deduplicate and to name it in a refusal. */
export function describeTarget(target: WriteTarget): string {
  switch (target.kind) {
    case 'fragment':
      return `section ${target.sectionId} (${target.lang})`;
    case 'translation':
      return `translation confirmation ${target.sid ?? '(unknown segment)'}`;
    case 'foreign':
      return `unknown root "${target.root}"`;
    case 'unresolved':
      return 'content the server does not have';
    default:
      return target.kind;
  }
}
