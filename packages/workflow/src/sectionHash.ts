import { canonicalJson } from '@accord/model/canonicalJson';
import type { SectionJson } from '@accord/model/readDeclaration';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 (hex) of a section's title and text in both languages, as canonical JSON (W5): what a
 * validation or approval is bound to. Synchronous and dependency-light because the browser
 * recomputes it as people type, and WebCrypto is asynchronous and absent outside secure contexts
 * (a conference hall's LAN address served over plain HTTP).
 */
export function sectionHash(section: Pick<SectionJson, 'title' | 'segments'>): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ title: section.title, segments: section.segments }))));
}
