import type { Lang } from '@accord/model/declarationLayout';
import type { DetectedText } from './detectSections';
import { plainInline } from './inlineText';

/** What one language's text says of the declaration's metadata; `null` where it says nothing. */
export interface FoundMeta {
  title: string | null;
  edition: number | null;
  hostCity: string | null;
  nextHostCity: string | null;
  /** ISO dates. */
  startDate: string | null;
  endDate: string | null;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** French month names → 1–12 (also what the aligner reads as a date anchor). */
export function monthNumber(name: string): number | null {
  const i = MONTHS.indexOf(name.toLowerCase().replace('fevrier', 'février').replace('aout', 'août').replace('decembre', 'décembre'));
  return i < 0 ? null : i + 1;
}

const iso = (y: string | number, m: string | number, d: string | number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const digits = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * Reads edition, host city, dates and next host from the places a declaration says them: its
 * title (« 8e Rencontres … – Déclaration de Shizuoka », 第8回…静岡宣言), its preamble (« réunis à
 * Shizuoka … du 18 au 21 novembre 2024 », 2024年11月18日から21日), and the next-host sentence
 * (« … organiser les 9e Rencontres … à Cannes », カンヌで開催). What it finds is a proposal for the
 * user to confirm, never more.
 */
export function extractMeta(text: DetectedText, lang: Lang): FoundMeta {
  const meta: FoundMeta = { title: text.title, edition: null, hostCity: null, nextHostCity: null, startDate: null, endDate: null };
  const preamble = text.sections.find((s) => s.kind === 'preamble');
  const opening = [text.title ?? '', ...(preamble?.blocks ?? []).map((b) => ('text' in b ? plainInline(b.text) : ''))].join('\n');
  const closing = text.sections
    .filter((s) => s.kind === 'closing')
    .flatMap((s) => s.blocks.map((b) => ('text' in b ? plainInline(b.text) : '')))
    .join('\n');
  if (lang === 'fr') {
    const edition = /\b(\d{1,2})\s*(?:e|è|ème|es|ères?|re)\s+Rencontres/iu.exec(opening);
    if (edition) meta.edition = Number(edition[1]);
    const host = /réuni(?:e|s|es)? à ([\p{Lu}][\p{L}'’-]+(?:[- ][\p{Lu}][\p{L}'’-]+)*)/u.exec(opening) ?? /Déclaration d[eu'’]\s*([\p{Lu}][\p{L}'’-]+)/u.exec(opening);
    if (host) meta.hostCity = host[1]!;
    const range =
      /du (\d{1,2})(?:er)? (\p{L}+)? ?(?:(\d{4}) )?au (\d{1,2})(?:er)? (\p{L}+) (\d{4})/u.exec(opening);
    if (range) {
      const endMonth = monthNumber(range[5]!);
      const startMonth = range[2] ? monthNumber(range[2]) : endMonth;
      if (endMonth && startMonth) {
        meta.startDate = iso(range[3] ?? range[6]!, startMonth, range[1]!);
        meta.endDate = iso(range[6]!, endMonth, range[4]!);
      }
    }
    const next = /(?:Rencontres|rencontres)[^.]{0,120}? à ([\p{Lu}][\p{L}'’-]+(?:[- ][\p{Lu}][\p{L}'’-]+)*)/u.exec(closing);
    if (next) meta.nextHostCity = next[1]!;
  } else {
    const edition = /第\s*([0-9０-９]{1,2})\s*回/u.exec(opening);
    if (edition) meta.edition = Number(digits(edition[1]!));
    const host = /([\p{Script=Katakana}ー・\p{Script=Han}]+?)(?:市)?(?:に(?:集い|集まり|参集)|宣言)/u.exec(opening);
    if (host) meta.hostCity = host[1]!.replace(/^.*(?:の|、)/u, '');
    const range = /([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日(?:（.）)?\s*(?:から|～|〜|-)\s*(?:([0-9０-９]{1,2})\s*月\s*)?([0-9０-９]{1,2})\s*日/u.exec(opening);
    if (range) {
      meta.startDate = iso(digits(range[1]!), digits(range[2]!), digits(range[3]!));
      meta.endDate = iso(digits(range[1]!), digits(range[4] ?? range[2]!), digits(range[5]!));
    }
    const next = /([\p{Script=Katakana}ー・]+|[\p{Script=Han}]{2,4}(?=市))(?:市)?で.{0,40}?(?:開催|再会)/u.exec(closing);
    if (next) meta.nextHostCity = next[1]!;
  }
  return meta;
}
