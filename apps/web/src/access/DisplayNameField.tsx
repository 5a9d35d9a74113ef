import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface DisplayNameFieldProps {
  value: string;
  onChange(value: string): void;
  autoFocus?: boolean;
  testId: string;
}

/** The name others will see beside one's caret and in the audit log: asked on joining and on admin sign-in. */
export function DisplayNameField({ value, onChange, autoFocus = false, testId }: DisplayNameFieldProps) {
  const { t } = useTranslation();
  const nameId = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={nameId}>{t('join.nameLabel')}</label>
      <input
        id={nameId}
        value={value}
        maxLength={80}
        required
        autoFocus={autoFocus}
        autoComplete="name"
        aria-describedby={hintId}
        placeholder={t('join.namePlaceholder')}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      />
      <span id={hintId} className="field__hint">
        {t('join.nameHint')}
      </span>
    </div>
  );
}
