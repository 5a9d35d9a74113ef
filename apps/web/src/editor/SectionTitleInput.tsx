import type { Lang } from '@accord/model/declarationLayout';
import { type ChangeEvent, type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useYMapString } from '../sync/useYMapString';

interface SectionTitleInputProps {
  sectionId: string;
  title: Y.Map<string> | null;
  lang: Lang;
  /** Why the title is read-only for this person (shown as a tooltip), or null. */
  lockedReason: string | null;
}

/**
 * A section title in one language, bound to the section's title map: last writer wins for the
 * whole title in that language, which is what a one-line title needs.
 *
 * A one-line title that wraps: a text area with no line breaks (Enter is refused, pasted breaks
 * become spaces), so a long workshop title is read whole on a phone rather than cut.
 *
 * During an IME composition the field neither writes the intermediate kana nor takes remote
 * values, which would end the composition under the user's fingers; it writes the committed text.
 */
export function SectionTitleInput({ sectionId, title, lang, lockedReason }: SectionTitleInputProps) {
  const { t } = useTranslation();
  const shared = useYMapString(title, lang);
  const [draft, setDraft] = useState(shared);
  const composing = useRef(false);
  const field = useRef<HTMLTextAreaElement>(null);

  // Browsers without `field-sizing: content` (layout.css) get the height of the wrapped text.
  useLayoutEffect(() => {
    const element = field.current;
    if (!element || CSS.supports('field-sizing', 'content')) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight}px`;
  }, [draft]);

  useEffect(() => {
    if (!composing.current) setDraft(shared);
  }, [shared]);

  const write = (value: string) => {
    if (lockedReason !== null) return;
    if (title && title.get(lang) !== value) title.set(lang, value);
  };

  return (
    <textarea
      ref={field}
      rows={1}
      className={`section-title-input section-title-input--${lang}`}
      lang={lang}
      value={draft}
      disabled={!title}
      // Read-only rather than disabled: it stays selectable and readable by screen readers.
      readOnly={lockedReason !== null}
      title={lockedReason ?? undefined}
      aria-label={t('editor.sectionTitle', { lang: t(`langName.${lang}`) })}
      data-testid={`section-title-${sectionId}-${lang}`}
      data-lang={lang}
      spellCheck={lang === 'fr'}
      maxLength={300}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(event) => {
        composing.current = false;
        write(oneLine(event.currentTarget.value));
      }}
      onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
        // Enter that confirms an IME conversion is the IME's; any other Enter would break the line.
        if (event.key === 'Enter' && !event.nativeEvent.isComposing && event.keyCode !== 229) event.preventDefault();
      }}
      onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
        const value = composing.current ? event.target.value : oneLine(event.target.value);
        setDraft(value);
        if (!composing.current) write(value);
      }}
      onBlur={() => {
        // Catch up with a remote title that arrived while composing.
        if (!composing.current) setDraft(title?.get(lang) ?? '');
      }}
    />
  );
}

/** A title has no line breaks: pasted ones become spaces. */
function oneLine(value: string): string {
  return value.replace(/\r?\n/g, ' ');
}
