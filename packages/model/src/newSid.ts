const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A new segment id: `s` and 12 characters of a 32-letter alphabet (60 random bits), URL-safe.
 * Duplicates within a fragment are what `assignSids` repairs; with 60 bits, two concurrent
 * writers effectively never draw the same id.
 */
export function newSid(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  let out = 's';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}
