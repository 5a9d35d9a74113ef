import type { Member } from '@accord/permissions/roles';

/** Who a request or a connection acts as, once authenticated for one declaration. */
export interface Principal extends Member {
  /** `null` for the administrator token itself (API clients), which has no member record. */
  memberId: string | null;
  name: string;
  /** Interface language chosen on joining. */
  language: string;
}
