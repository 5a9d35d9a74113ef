/** An expected refusal of a comment or suggestion request (docs/access-and-workflow.md C1–C12). */
export interface TalkFailure {
  ok: false;
  code: 'forbidden' | 'not_found' | 'passage_changed' | 'already_decided' | 'frozen' | 'unknown_member';
  reason: string;
}

export type TalkResult<T> = { ok: true; value: T } | TalkFailure;

export function refuse(code: TalkFailure['code'], reason: string): TalkFailure {
  return { ok: false, code, reason };
}
