import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The Shizuoka 2024 declaration (French), read from the shared seeds beside the repository, never copied in. */
export const SHIZUOKA_SEED = fileURLToPath(new URL('../../../../shared/seeds/002_08bef9b35709208c.txt', import.meta.url));

/**
 * Its passages as plain text, one per paragraph, heading or list item (what the editor makes of
 * them): Markdown marks, list bullets and numbers dropped, `<sup>e</sup>` read as « e ».
 */
export function shizuokaFrenchSegments(path = SHIZUOKA_SEED): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) =>
      line
        .replace(/<\/?sup>/g, '')
        .replace(/^#+\s*/, '')
        .replace(/^[-*]\s+/, '')
        .replace(/^\d+\.\s+/, '')
        .replace(/\*+/g, '')
        .trim(),
    )
    .filter((line) => line !== '');
}
