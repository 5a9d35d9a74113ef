import { SECTION_KINDS, type SectionKind } from '@accord/model/declarationLayout';
import type { SectionPlace } from '@accord/model/sectionPosition';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionRef } from '../sync/useSections';
import { jumpToSection } from '../routing/jumpToSection';
import { shownTitle } from './shownTitle';
import { useStructureActions } from './useStructureActions';

interface AddSectionDialogProps {
  open: boolean;
  sections: readonly SectionRef[];
  /** Where the form starts; `null`: the default place, before the next meeting's section. */
  place: SectionPlace | null;
  onClose(): void;
}

const DEFAULT = 'default';

/**
 * Asks for a new section's kind, its two titles and its place, then adds it for everyone and
 * brings it into view. A native modal `<dialog>`, like the other dialogs.
 */
export function AddSectionDialog({ open, sections, place, onClose }: AddSectionDialogProps) {
  const { t, i18n } = useTranslation();
  const actions = useStructureActions();
  const ref = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), kind: useId(), fr: useId(), ja: useId(), place: useId() };
  const [kind, setKind] = useState<SectionKind>('workshop');
  const [fr, setFr] = useState('');
  const [ja, setJa] = useState('');
  const [where, setWhere] = useState(DEFAULT);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setKind('workshop');
      setFr('');
      setJa('');
      setError(null);
      setWhere(place === null ? DEFAULT : 'before' in place ? `before:${place.before}` : `after:${place.after}`);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, place]);

  const titleOf = (section: SectionRef) => shownTitle({ fr: section.title?.get('fr') ?? '', ja: section.title?.get('ja') ?? '' }, i18n.language) || t('sections.untitled');
  const closing = sections.find((s) => s.kind === 'closing');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (fr.trim() === '' && ja.trim() === '') {
      setError(t('sections.form.needTitle'));
      return;
    }
    const [relation, anchor] = where.split(/:(.*)/s) as [string, string | undefined];
    const chosen: SectionPlace | null =
      where === DEFAULT || !anchor || !sections.some((s) => s.id === anchor) ? null : relation === 'before' ? { before: anchor } : { after: anchor };
    const id = actions.add({ kind, title: { fr: fr.trim(), ja: ja.trim() }, place: chosen });
    onClose();
    // After the dialog is gone, so the focus it gives back does not scroll away from the new section.
    requestAnimationFrame(() => jumpToSection(id));
  };

  return (
    <dialog ref={ref} className="name-dialog action-dialog section-form" aria-labelledby={ids.title} data-testid="add-section-dialog" onCancel={onClose}>
      {open && (
        <form onSubmit={submit}>
          <h2 id={ids.title}>{t('sections.form.title')}</h2>
          <label htmlFor={ids.kind}>{t('sections.form.kind')}</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as SectionKind)} data-testid="add-section-kind">
            {SECTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`sections.kind.${k}`)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.fr}>{t('sections.form.titleFr')}</label>
          <input id={ids.fr} lang="fr" value={fr} maxLength={300} autoFocus onChange={(e) => setFr(e.target.value)} data-testid="add-section-title-fr" />
          <label htmlFor={ids.ja}>{t('sections.form.titleJa')}</label>
          <input id={ids.ja} lang="ja" value={ja} maxLength={300} onChange={(e) => setJa(e.target.value)} data-testid="add-section-title-ja" />
          <label htmlFor={ids.place}>{t('sections.form.place')}</label>
          <select id={ids.place} value={where} onChange={(e) => setWhere(e.target.value)} data-testid="add-section-place">
            <option value={DEFAULT}>{closing ? t('sections.form.atDefault', { title: titleOf(closing) }) : t('sections.form.atEnd')}</option>
            {(['before', 'after'] as const).map((relation) => (
              <optgroup key={relation} label={t(`sections.form.${relation}`)}>
                {sections.map((s, index) => (
                  <option key={s.id} value={`${relation}:${s.id}`}>
                    {t(`sections.form.${relation}Option`, { number: index + 1, title: titleOf(s) })}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="name-dialog__actions">
            <button type="button" className="button button--quiet" onClick={onClose}>
              {t('dialog.cancel')}
            </button>
            <button type="submit" className="button button--primary" data-testid="add-section-confirm">
              {t('sections.form.create')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
