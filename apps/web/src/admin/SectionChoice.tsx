import { useTranslation } from 'react-i18next';

interface SectionChoiceProps {
  /** Section ids in reading order. */
  sections: string[];
  titles: ReadonlyMap<string, string>;
  chosen: string[];
  onChange(chosen: string[]): void;
  testId: string;
}

/** The sections entrusted to a rapporteur, ticked in reading order (invitations and role changes). */
export function SectionChoice({ sections, titles, chosen, onChange, testId }: SectionChoiceProps) {
  const { t } = useTranslation();
  const toggle = (sectionId: string, on: boolean) =>
    onChange(on ? sections.filter((id) => id === sectionId || chosen.includes(id)) : chosen.filter((id) => id !== sectionId));
  return (
    <fieldset className="invite-form__sections" data-testid={testId}>
      <legend>{t('members.sectionsToEntrust')}</legend>
      {sections.map((sectionId) => (
        <label key={sectionId} className="checkbox-row">
          <input type="checkbox" checked={chosen.includes(sectionId)} onChange={(event) => toggle(sectionId, event.target.checked)} data-section-id={sectionId} />
          <span>{titles.get(sectionId) ?? sectionId}</span>
        </label>
      ))}
    </fieldset>
  );
}
