import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what invites, sessions and the administrator token are made of. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 (hex) of a token: all that is stored (AccessStore rule 1). A fast hash is enough because
 * the tokens are random, not chosen passwords: there is no dictionary to try.
 */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A short random id for records (`i…` invites, `m…` members): public, unlike tokens. */
export function newRecordId(prefix: string): string {
  return `${prefix}${randomBytes(9).toString('base64url')}`;
}
