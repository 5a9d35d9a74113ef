/** Web addresses and e-mail addresses: neither numbers nor typography are checked inside them. */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s«»"'<>（）「」、。]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/** Replaces every match of `pattern` in `text` by `fill` repeated to the same length (offsets are kept). */
export function blank(text: string, pattern: RegExp, fill = ' '): string {
  return text.replace(pattern, (m) => fill.repeat(m.length));
}

/** `text` with its addresses blanked out (by `fill`: typography masks with a letter, not spaces it would count). */
export function maskAddresses(text: string, fill = ' '): string {
  return text.includes('@') || text.includes('http') || text.includes('www.') ? blank(text, ADDRESS, fill) : text;
}

/** Full-width digits and signs as ASCII, one character for one, so offsets are kept. */
export function narrowDigits(text: string): string {
  return text.replace(/[０-９％．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
