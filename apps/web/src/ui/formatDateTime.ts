/**
 * A stored ISO timestamp in the reader's language; the raw string if it does not parse.
 * `seconds`: for the audit log, where a minute holds dozens of entries. `compact`: the month
 * abbreviated, where room is short (a version picker on a phone).
 */
export function formatDateTime(iso: string, locale: string, { seconds = false, compact = false }: { seconds?: boolean; compact?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: compact ? 'medium' : 'long', timeStyle: seconds ? 'medium' : 'short' }).format(date);
}
