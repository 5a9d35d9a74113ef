import { type Membership, membership } from '@accord/protocol/rest/members';

const key = (declarationId: string) => `accord.membership.${declarationId}`;

/**
 * The last membership the server confirmed for a declaration on this device. A page reloaded in
 * the conference hall while the server is unreachable opens from IndexedDB (the offline shell);
 * it needs to know what this person may edit without asking the server. The server still checks
 * every change when the connection returns (A6), so a stale copy can only make the page more
 * permissive than the server, never let a refused change through.
 */
export const membershipCache = {
  get(declarationId: string): Membership | null {
    try {
      const raw = localStorage.getItem(key(declarationId));
      if (!raw) return null;
      const parsed = membership.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  },
  set(declarationId: string, value: Membership): void {
    try {
      localStorage.setItem(key(declarationId), JSON.stringify(value));
    } catch {
      // Without storage the page still works online; offline it opens read-only.
    }
  },
  /** Every declaration's copy: this browser signed out (A18). */
  forgetAll(): void {
    try {
      for (const name of Object.keys(localStorage)) if (name.startsWith(key(''))) localStorage.removeItem(name);
    } catch {
      // Nothing to forget.
    }
  },
  forget(declarationId: string): void {
    try {
      localStorage.removeItem(key(declarationId));
    } catch {
      // Nothing to forget.
    }
  },
};
