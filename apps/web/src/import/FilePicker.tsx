import { useTranslation } from 'react-i18next';

/**
 * A file field whose button and « no file » text speak the interface's language: the browser's own
 * file input says « Choose File / No file chosen » in the browser's language, English on a
 * Japanese committee member's borrowed laptop, and ran wider than a phone's card.
 */
export function FilePicker({ id, accept, file, onChange, testId }: { id: string; accept: string; file: File | undefined; onChange(file: File | undefined): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <span className="file-picker">
      <input id={id} className="visually-hidden" type="file" accept={accept} onChange={(e) => onChange(e.target.files?.[0])} data-testid={testId} />
      {/* A second label of the same input: clicking the button opens the browser's file chooser. */}
      <label htmlFor={id} className="button file-picker__button" aria-hidden="true">
        {t('importer.chooseFile')}
      </label>
      <span className={`file-picker__name${file ? '' : ' muted'}`} data-testid={`${testId}-name`}>
        {file ? file.name : t('importer.noFile')}
      </span>
    </span>
  );
}
