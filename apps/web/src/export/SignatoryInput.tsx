import type { Lang } from '@accord/model/declarationLayout';
import { signatoryMap } from '@accord/model/signatories';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';

interface SignatoryInputProps {
  doc: Y.Doc;
  /** The `meta` key of the nested `{fr, ja}` map (`SIGNATORY_KEYS`). */
  metaKey: string;
  lang: Lang;
  value: string;
  label: string;
  placeholder?: string;
  readOnly: boolean;
  testId: string;
}

/**
 * One language of one signatory field, bound to its nested map in `meta`: last writer wins for
 * that language, which a name needs. During an IME composition it neither writes the intermediate
 * kana nor takes remote values (which would end the composition); it writes the committed text.
 */
export function SignatoryInput({ doc, metaKey, lang, value, label, placeholder, readOnly, testId }: SignatoryInputProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const composing = useRef(false);

  useEffect(() => {
    if (!composing.current) setDraft(value);
  }, [value]);

  const write = (next: string) => {
    if (readOnly) return;
    const map = signatoryMap(doc, metaKey);
    if (map.get(lang) !== next) map.set(lang, next);
  };

  return (
    <div className="signatory-input">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        lang={lang}
        value={draft}
        placeholder={placeholder}
        readOnly={readOnly}
        maxLength={200}
        spellCheck={false}
        data-testid={testId}
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
          if (!composing.current) setDraft(value);
        }}
      />
    </div>
  );
}
