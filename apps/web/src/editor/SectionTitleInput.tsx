import type { Lang } from '@accord/model/declarationLayout';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
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
 * During an IME composition the field neither writes the intermediate kana nor takes remote
 * values, which would end the composition under the user's fingers; it writes the committed text.
 */
export function SectionTitleInput({ sectionId, title, lang, lockedReason }: SectionTitleInputProps) {
  const { t } = useTranslation();
  const shared = useYMapString(title, lang);
  const [draft, setDraft] = useState(shared);
  const composing = useRef(false);

  useEffect(() => {
    if (!composing.current) setDraft(shared);
  }, [shared]);

  const write = (value: string) => {
    if (lockedReason !== null) return;
    if (title && title.get(lang) !== value) title.set(lang, value);
  };

  return (
    <input
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
        write(event.currentTarget.value);
      }}
      onChange={(event: ChangeEvent<HTMLInputElement>) => {
        setDraft(event.target.value);
        if (!composing.current) write(event.target.value);
      }}
      onBlur={() => {
        // Catch up with a remote title that arrived while composing.
        if (!composing.current) setDraft(title?.get(lang) ?? '');
      }}
    />
  );
}
