import type { DeclarationMeta } from '@accord/model/readDeclaration';
import type { ExportLang } from './ExportFrame';

export const EXPORT_FORMATS = ['docx', 'pdf', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFilename {
  /** The name as French writes it (« Déclaration-d’Aix-en-Provence-2026-fr.docx »), for `filename*`. */
  unicode: string;
  /** The same with accents folded and anything else outside printable ASCII replaced, for `filename`. */
  ascii: string;
}

/**
 * The file name of an export: `Déclaration-de-<host city>-<year>-<lang>[-projet].<ext>`, after
 * the way the partners name their declarations (« Déclaration de Cannes »); the title's words
 * when no host city is set. A draft says so in its name, so a file on a desk is never mistaken
 * for the adopted text.
 */
export function exportFilename(meta: DeclarationMeta, lang: ExportLang, format: ExportFormat, adopted: boolean): ExportFilename {
  const city = meta.hostCity.fr.trim();
  const year = /^(\d{4})-/.exec(meta.startDate)?.[1];
  const base = city !== '' ? `Déclaration ${/^[aeiouyhàâéèêîôû]/i.test(city) ? 'd’' : 'de '}${city}` : meta.title.fr.trim() || meta.title.ja.trim() || 'Déclaration';
  const words = [base, year, lang, adopted ? null : 'projet'].filter((w): w is string => Boolean(w)).join(' ');
  const unicode = `${slug(words)}.${format}`;
  const ascii = unicode
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '-')
    .replace(/[^\x21-\x7e]/g, '_')
    .replace(/["\\;%]/g, '_');
  return { unicode, ascii };
}

/** Words joined by hyphens; characters a file system refuses dropped. */
function slug(text: string): string {
  return text
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .trim()
    .split(/\s+/)
    .join('-')
    .replace(/’-/g, '’')
    .slice(0, 120);
}

/** RFC 6266 with RFC 5987 `filename*`: the ASCII name for old clients, the exact one for the others. */
export function contentDisposition(kind: 'attachment' | 'inline', name: ExportFilename): string {
  const encoded = encodeURIComponent(name.unicode).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${name.ascii}"; filename*=UTF-8''${encoded}`;
}
