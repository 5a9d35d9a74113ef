/** Declaration ids: what `newDeclarationId` makes, and all an id in a URL may look like. */
export const DECLARATION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function isDeclarationId(value: string): boolean {
  return DECLARATION_ID.test(value);
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** 12 random base-36 characters: unguessable enough for a link, short enough to read aloud. */
export function newDeclarationId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ALPHABET[b % 36]).join('');
}
