import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonicalJson';

/**
 * SHA-256 (hex) of a value's canonical JSON: equal contents, equal hashes, whatever order they
 * were built in. What versions, adoptions and approvals are bound to. Synchronous and pure so the
 * browser can recompute it as people type: WebCrypto is asynchronous, and absent outside secure
 * contexts (a conference hall's LAN address served over plain HTTP).
 */
export function canonicalHash(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}
