/**
 * A stored ISO timestamp in the reader's language; the raw string if it does not parse.
 * `seconds`: for the audit log, where a minute holds dozens of entries.
 */
export function formatDateTime(iso: string, locale: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: seconds ? 'medium' : 'short' }).format(date);
}
