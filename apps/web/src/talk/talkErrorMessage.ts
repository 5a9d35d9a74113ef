import type { TFunction } from 'i18next';
import { ApiError } from '../api/apiRequest';

const KNOWN = ['passage_changed', 'already_decided', 'frozen', 'forbidden', 'unknown_member'] as const;

/** What to tell a person about a refused comment or suggestion, in their language when the code is known. */
export function talkErrorMessage(t: TFunction, failure: unknown): string {
  if (failure instanceof ApiError && (KNOWN as readonly string[]).includes(failure.code)) {
    return t(`talk.errors.${failure.code as (typeof KNOWN)[number]}`);
  }
  return failure instanceof Error ? failure.message : String(failure);
}
